using System.Text;

namespace MovinetExp.Specs;

/// <summary>The spelling of keys and enum values in YAML and JSON: snake_case of the C# names.</summary>
public static class SpecNames
{
    /// <summary>PascalCase to snake_case; digits stay attached to the word before them (Relu6 -> relu6).</summary>
    public static string ToSnakeCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The YAML spelling of an enum member.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of((Enum)value);

    /// <summary>The YAML spelling of an enum member.</summary>
    public static string Of(Enum value) => ToSnakeCase(value.ToString());

    /// <summary>All YAML spellings of an enum type, in declaration order.</summary>
    public static IReadOnlyList<string> AllOf(Type enumType) =>
        Enum.GetValues(enumType).Cast<Enum>().Select(Of).ToArray();

    /// <summary>Finds the <typeparamref name="TEnum"/> member written as <paramref name="text"/> (exact, case-sensitive, like every YAML key).</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        bool known = TryParse(typeof(TEnum), text, out object? member);
        value = known ? (TEnum)member! : default;
        return known;
    }

    /// <summary>Finds the enum member written as <paramref name="text"/> (exact, case-sensitive, like every YAML key).</summary>
    public static bool TryParse(Type enumType, string text, out object? value)
    {
        foreach (Enum member in Enum.GetValues(enumType))
        {
            if (Of(member) == text) { value = member; return true; }
        }
        value = null;
        return false;
    }
}
