namespace MovinetExp.Specs;

/// <summary>
/// Describes one spec key: its documentation and its allowed range. The validator, the YAML writer and
/// the JSON Schema generator all read this attribute, so a rule is stated once, next to the property.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SpecFieldAttribute : Attribute
{
    public SpecFieldAttribute(string description) => Description = description;

    /// <summary>What the key means; shown in hints and in the JSON Schema.</summary>
    public string Description { get; }

    /// <summary>Smallest allowed value (NaN = no lower bound). Attributes cannot hold nullable doubles.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Largest allowed value (NaN = no upper bound).</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>When true the value must be strictly greater than <see cref="Min"/>.</summary>
    public bool ExclusiveMin { get; init; }

    /// <summary>The key has no default and must be written in the spec.</summary>
    public bool Required { get; init; }

    /// <summary>A regular expression a string value must match in full.</summary>
    public string? Pattern { get; init; }
}
