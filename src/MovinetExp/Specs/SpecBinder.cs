using YamlDotNet.RepresentationModel;
using MovinetExp.Common;

namespace MovinetExp.Specs;

/// <summary>
/// Fills spec objects from the YAML node tree. Starts from fresh instances (so every unwritten key keeps
/// its default) and reports every unknown key, bad value and missing required key instead of stopping.
/// </summary>
internal sealed class SpecBinder
{
    private readonly SpecDocument _document;
    private readonly SpecProblems _problems;

    public SpecBinder(SpecDocument document, SpecProblems problems)
    {
        _document = document;
        _problems = problems;
        Locations = new SpecLocations(document.Start);
    }

    public SpecLocations Locations { get; }

    public ExperimentSpec Bind()
    {
        YamlNode? root = _document.Root;
        if (root is not null and not YamlMappingNode && !SpecValueReader.IsNull(root))
        {
            _problems.Add(_document.Locate(root), "", $"expected a mapping of keys at the top level, got {SpecValueReader.Describe(root)}",
                "start the file with 'name: my-experiment' followed by the data:, model:, train: sections");
            return new ExperimentSpec();
        }
        return (ExperimentSpec)BindSection(SpecSection.Root, root as YamlMappingNode, "", _document.Start);
    }

    private object BindSection(SpecSection section, YamlMappingNode? map, string prefix, string sectionLocation)
    {
        object target = Activator.CreateInstance(section.Type)!;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            string keyLocation = _document.Locate(keyNode);
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                _problems.Add(keyLocation, prefix, "keys must be plain words", "write keys as 'name: value'");
                continue;
            }
            string path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            SpecField? field = section.Find(key);
            if (field is null)
            {
                section.ReportUnknownKey(_problems, keyLocation, prefix, key);
                continue;
            }
            present.Add(key);
            Locations.Record(path, keyLocation);
            bool ok = field.Kind == SpecFieldKind.Section
                ? TryBindSection(field, valueNode, path, out object? value)
                : TryBindValue(field, valueNode, path, out value);
            if (ok) field.Property.SetValue(target, value);
        }
        foreach (SpecField field in section.Fields.Where(f => f.Required && !present.Contains(f.Key)))
        {
            string path = prefix.Length == 0 ? field.Key : $"{prefix}.{field.Key}";
            string example = field.Kind == SpecFieldKind.Enum ? string.Join("|", field.EnumValues) : "...";
            string where = prefix.Length == 0 ? "at the top level" : $"under {prefix}:";
            _problems.Add(sectionLocation, path, "required key is missing", $"add '{field.Key}: {example}' {where} ({field.Description})");
        }
        return target;
    }

    /// <summary>A section value: a mapping is bound key by key; null (e.g. an empty "expect:") means all defaults.</summary>
    private bool TryBindSection(SpecField field, YamlNode valueNode, string path, out object? value)
    {
        value = null;
        if (valueNode is YamlMappingNode || SpecValueReader.IsNull(valueNode))
        {
            value = BindSection(field.Section!, valueNode as YamlMappingNode, path, _document.Locate(valueNode));
            return true;
        }
        _problems.Add(_document.Locate(valueNode), path, $"expected a section (indented keys), got {SpecValueReader.Describe(valueNode)}",
            $"write '{field.Key}:' on its own line with its keys indented below ({string.Join(", ", field.Section!.Keys)})");
        return false;
    }

    /// <summary>A leaf value; when it is invalid a problem is recorded and the default is kept.</summary>
    private bool TryBindValue(SpecField field, YamlNode valueNode, string path, out object? value)
    {
        SpecValueReader.Result result = SpecValueReader.Read(field, valueNode);
        value = result.Value;
        if (result.Ok) return true;
        string about = field.Required ? field.Description : $"{field.Description} Default: {field.Key}: {field.DefaultText}";
        string hint = result.Suggestion is { } s ? $"did you mean '{s}'? ({about})" : about;
        _problems.Add(_document.Locate(valueNode), path, $"expected {field.Expectation}, got {SpecValueReader.Describe(valueNode)}", hint);
        return false;
    }
}
