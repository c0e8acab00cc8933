using System.Collections.Concurrent;
using System.Reflection;
using MovinetExp.Common;

namespace MovinetExp.Specs;

/// <summary>Reflected metadata of one spec class (the root or a section): its keys in declaration order.</summary>
internal sealed class SpecSection
{
    private static readonly ConcurrentDictionary<Type, SpecSection> Cache = new();

    private SpecSection(Type type)
    {
        Type = type;
        // Declaration order (metadata token) gives a stable, readable key order in written YAML and the schema.
        Fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SpecFieldAttribute>()))
            .Where(x => x.Attribute != null)
            .OrderBy(x => x.Property.MetadataToken)
            .Select(x => new SpecField(x.Property, x.Attribute!))
            .ToArray();
    }

    /// <summary>The metadata of the whole experiment spec.</summary>
    public static SpecSection Root => Of(typeof(ExperimentSpec));

    /// <summary>The metadata of a spec class (cached).</summary>
    public static SpecSection Of(Type type) => Cache.GetOrAdd(type, t => new SpecSection(t));

    public Type Type { get; }

    public IReadOnlyList<SpecField> Fields { get; }

    public SpecField? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public IEnumerable<string> Keys => Fields.Select(f => f.Key);

    /// <summary>Reports <paramref name="key"/> as unknown in this section (at <paramref name="prefix"/>), with a did-you-mean.</summary>
    internal void ReportUnknownKey(SpecProblems problems, string location, string prefix, string key)
    {
        string allowed = $"keys allowed {(prefix.Length == 0 ? "at the top level" : "in " + prefix)}: {string.Join(", ", Keys)}";
        string? suggestion = DidYouMean.Suggest(key, Keys);
        problems.Add(location, prefix.Length == 0 ? key : $"{prefix}.{key}", $"unknown key '{key}'",
            suggestion is null ? allowed : $"did you mean '{suggestion}'? {allowed}");
    }
}
