using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using MovinetExp.Common;

namespace MovinetExp.Specs;

/// <summary>
/// Applies command-line overrides (<c>--set data.frames=16</c>, <c>--set data.classes=[a,b]</c>) to the YAML
/// node tree before binding, so overridden values go through exactly the same validation as the file's.
/// </summary>
internal static class SpecOverrides
{
    public static void Apply(SpecDocument document, IEnumerable<string> overrides, SpecProblems problems)
    {
        foreach (string text in overrides) ApplyOne(document, text, problems);
    }

    private static void ApplyOne(SpecDocument document, string text, SpecProblems problems)
    {
        string origin = $"--set {text}";
        int eq = text.IndexOf('=');
        if (eq <= 0)
        {
            problems.Add(origin, "", "expected key.path=value", "write e.g. --set data.frames=16 or --set data.classes=[a,b]");
            return;
        }
        string path = text[..eq].Trim();
        string[] segments = path.Split('.');
        if (!KeyPathExists(segments, origin, problems)) return;
        if (ParseValue(text[(eq + 1)..], origin, problems) is not { } value) return;

        if (document.Root is null || SpecValueReader.IsNull(document.Root))
        {
            document.Root = new YamlMappingNode();
            document.MarkOverride(document.Root, origin);
        }
        YamlNode current = document.Root;
        for (int i = 0; i < segments.Length; i++)
        {
            if (current is not YamlMappingNode map)
            {
                string parent = string.Join('.', segments[..i]);
                problems.Add(origin, parent, $"cannot set {path}: {(parent.Length == 0 ? "the file" : parent)} is not a section in {document.FileName}",
                    $"fix {(parent.Length == 0 ? "the file" : parent)} in the spec file first");
                return;
            }
            var key = new YamlScalarNode(segments[i]);
            bool last = i == segments.Length - 1;
            if (last || !map.Children.TryGetValue(key, out YamlNode? child) || SpecValueReader.IsNull(child))
            {
                child = last ? value : new YamlMappingNode();
                // Replacing a written key's value keeps the key node, its place and its file location.
                bool written = map.Children.ContainsKey(key);
                map.Children[key] = child;
                if (!written) document.MarkOverride(key, origin);
                document.MarkOverride(child, origin);
            }
            current = child;
        }
    }

    /// <summary>Checks the key path against the spec's sections; unknown keys get the usual did-you-mean.</summary>
    private static bool KeyPathExists(string[] segments, string origin, SpecProblems problems)
    {
        SpecSection section = SpecSection.Root;
        for (int i = 0; i < segments.Length; i++)
        {
            string prefix = string.Join('.', segments[..i]);
            SpecField? field = section.Find(segments[i]);
            if (field is null)
            {
                section.ReportUnknownKey(problems, origin, prefix, segments[i]);
                return false;
            }
            if (i < segments.Length - 1)
            {
                string path = string.Join('.', segments[..(i + 1)]);
                if (field.Section is null)
                {
                    problems.Add(origin, path, $"'{path}' is a value, not a section, so it has no key '{segments[i + 1]}'",
                        $"write --set {path}=<{field.Expectation}>");
                    return false;
                }
                section = field.Section;
            }
        }
        return true;
    }

    /// <summary>The value as YAML: a scalar (16, a0, "x y"), a flow list ([a, b]) or flow mapping; empty = null.</summary>
    private static YamlNode? ParseValue(string valueText, string origin, SpecProblems problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(valueText));
        }
        catch (YamlException e)
        {
            problems.Add(origin, "", $"the value is not valid YAML: {e.Message}", "quote the value, e.g. --set name='\"my run\"', or close the brackets");
            return null;
        }
        if (stream.Documents.Count == 0) return new YamlScalarNode("") { Style = ScalarStyle.Plain };
        YamlNode value = stream.Documents[0].RootNode;
        try
        {
            // The override's nodes are walked to record where they came from; a value containing itself has no end.
            _ = value.AllNodes.Count();
        }
        catch (MaximumRecursionLevelReachedException)
        {
            problems.Add(origin, "", "the value refers to itself (an alias inside its own anchor)", "write the value out without '&' anchors and '*' aliases");
            return null;
        }
        return value;
    }
}
