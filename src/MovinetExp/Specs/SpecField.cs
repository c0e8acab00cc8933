using System.Globalization;
using System.Reflection;
using MovinetExp.Common;
using MovinetExp.Data.Sources;

namespace MovinetExp.Specs;

/// <summary>
/// Reflected metadata of one spec key: its YAML name, shape, range and documentation. Built once from the
/// spec classes; the binder, writer and schema generator all work from these objects.
/// </summary>
internal sealed class SpecField
{
    internal SpecField(PropertyInfo property, SpecFieldAttribute attribute)
    {
        Property = property;
        Key = EnumNames.ToSnakeCase(property.Name);
        Description = attribute.Description;
        Required = attribute.Required;
        Pattern = attribute.Pattern;
        Min = double.IsNaN(attribute.Min) ? null : attribute.Min;
        Max = double.IsNaN(attribute.Max) ? null : attribute.Max;
        ExclusiveMin = attribute.ExclusiveMin;

        Type type = property.PropertyType;
        Type? underlying = System.Nullable.GetUnderlyingType(type);
        Nullable = underlying != null || new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
        ValueType = underlying ?? type;
        Kind = KindOf(ValueType);
        EnumValues = Kind == SpecFieldKind.Enum ? EnumNames.AllOf(ValueType) : Array.Empty<string>();
        Section = Kind == SpecFieldKind.Section ? SpecSection.Of(ValueType) : null;
        // The property initialiser is the single place a default is stated; read it from a fresh instance.
        DefaultValue = Kind == SpecFieldKind.Section ? null : property.GetValue(Activator.CreateInstance(property.DeclaringType!));
    }

    public PropertyInfo Property { get; }

    /// <summary>snake_case key as written in YAML.</summary>
    public string Key { get; }

    public string Description { get; }
    public bool Required { get; }
    public string? Pattern { get; }
    public double? Min { get; }
    public double? Max { get; }
    public bool ExclusiveMin { get; }

    /// <summary>True when null (YAML <c>null</c>, <c>~</c> or nothing) is a valid value.</summary>
    public bool Nullable { get; }

    /// <summary>The property type without <see cref="System.Nullable{T}"/>.</summary>
    public Type ValueType { get; }

    public SpecFieldKind Kind { get; }

    /// <summary>Allowed YAML spellings when <see cref="Kind"/> is Enum; empty otherwise.</summary>
    public IReadOnlyList<string> EnumValues { get; }

    /// <summary>The nested section when <see cref="Kind"/> is Section.</summary>
    public SpecSection? Section { get; }

    /// <summary>The value a fresh spec holds for this key (null for sections and for keys without a default).</summary>
    public object? DefaultValue { get; }

    /// <summary>The default as written in YAML, for hints: "2", "adam", "null".</summary>
    public string DefaultText => DefaultValue switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        Enum e => EnumNames.Of(e),
        _ => Convert.ToString(DefaultValue, CultureInfo.InvariantCulture)!,
    };

    /// <summary>
    /// What a valid value looks like, in words: used for type and range errors alike, so both read
    /// "expected an integer between 1 and 512".
    /// </summary>
    public string Expectation
    {
        get
        {
            string text = Kind switch
            {
                SpecFieldKind.Integer => "an integer" + RangeText(),
                SpecFieldKind.Number => "a number" + RangeText(),
                SpecFieldKind.Boolean => "true or false",
                SpecFieldKind.String => Pattern is null ? "a string" : $"a string of {Pattern}",
                SpecFieldKind.Enum => "one of " + string.Join(", ", EnumValues),
                SpecFieldKind.StringList => "a list of strings",
                SpecFieldKind.ClassSelection => $"a class count{RangeText()} or a list of class names",
                SpecFieldKind.SplitSize => $"an integer{RangeText()} or {Specs.SplitSize.Keyword}",
                SpecFieldKind.Section => "a mapping of keys",
                _ => throw new InvalidOperationException(Kind.ToString()),
            };
            return Nullable ? text + " (or null)" : text;
        }
    }

    private string RangeText()
    {
        string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        if (Min is { } lo && Max is { } hi) return ExclusiveMin ? $" > {F(lo)} and <= {F(hi)}" : $" between {F(lo)} and {F(hi)}";
        if (Min is { } min) return ExclusiveMin ? $" > {F(min)}" : $" >= {F(min)}";
        if (Max is { } max) return $" <= {F(max)}";
        return "";
    }

    /// <summary>True when <paramref name="value"/> lies within Min/Max.</summary>
    public bool InRange(double value) =>
        (Min is not { } lo || (ExclusiveMin ? value > lo : value >= lo)) && (Max is not { } hi || value <= hi);

    private static SpecFieldKind KindOf(Type t)
    {
        if (t == typeof(int)) return SpecFieldKind.Integer;
        if (t == typeof(double)) return SpecFieldKind.Number;
        if (t == typeof(bool)) return SpecFieldKind.Boolean;
        if (t == typeof(string)) return SpecFieldKind.String;
        if (t.IsEnum) return SpecFieldKind.Enum;
        if (t == typeof(IReadOnlyList<string>)) return SpecFieldKind.StringList;
        if (t == typeof(ClassSelection)) return SpecFieldKind.ClassSelection;
        if (t == typeof(SplitSize)) return SpecFieldKind.SplitSize;
        if (t.IsClass && t.GetConstructor(Type.EmptyTypes) != null) return SpecFieldKind.Section;
        throw new InvalidOperationException($"Spec property type {t} is not supported.");
    }
}
