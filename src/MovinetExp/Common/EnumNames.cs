using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace MovinetExp.Common;

/// <summary>
/// How the tool spells enum members wherever users read or write them: experiment YAML and its schema,
/// command-line values, JSON output, ONNX metadata, file names. The spelling is the snake_case of the
/// member name (FromBlock -> from_block), except for members marked with <see cref="EnumNameAttribute"/>.
/// It lives here, below every layer, so each layer owns its enums and still spells them the way the spec does.
/// </summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    /// <summary>
    /// PascalCase to snake_case; digits stay attached to the word before them (Relu6 -> relu6). The spec's keys
    /// are spelt by the same rule from its property names (FrameStep -> frame_step), so keys and values read alike.
    /// </summary>
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

    /// <summary>The user-facing spelling of an enum member.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of((Enum)value);

    /// <summary>The user-facing spelling of an enum member.</summary>
    public static string Of(Enum value) => Names.GetOrAdd(value, static v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<EnumNameAttribute>()?.Name ?? ToSnakeCase(v.ToString()));

    /// <summary>All spellings of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> AllOf<TEnum>() where TEnum : struct, Enum => AllOf(typeof(TEnum));

    /// <summary>All spellings of an enum type, in declaration order.</summary>
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
