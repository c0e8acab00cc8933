using System.Globalization;
using MovinetExp.Common;
using MovinetExp.Data.Sources;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MovinetExp.Specs;

/// <summary>
/// Writes a spec as YAML with every key present (defaults filled in), in declaration order, snake_case.
/// The output is deterministic, so it is hashed for run-folder names, and it loads back to an equal spec.
/// </summary>
public static class SpecWriter
{
    public static string ToYaml(ExperimentSpec spec) => SectionToYaml(spec);

    /// <summary>Any spec section (e.g. <see cref="SyntheticSpec"/>) as YAML, for hashing part of a spec.</summary>
    internal static string SectionToYaml(object section)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteSection(emitter, SpecSection.Of(section.GetType()), section);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString().Replace("\r\n", "\n");
    }

    private static void WriteSection(IEmitter emitter, SpecSection section, object instance)
    {
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        foreach (SpecField field in section.Fields)
        {
            emitter.Emit(Plain(field.Key));
            object? value = field.Property.GetValue(instance);
            if (field.Kind == SpecFieldKind.Section) WriteSection(emitter, field.Section!, value!);
            else WriteValue(emitter, value);
        }
        emitter.Emit(new MappingEnd());
    }

    private static void WriteValue(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null: emitter.Emit(Plain("null")); break;
            case bool b: emitter.Emit(Plain(b ? "true" : "false")); break;
            case int i: emitter.Emit(Plain(i.ToString(CultureInfo.InvariantCulture))); break;
            case double d: emitter.Emit(Plain(FormatNumber(d))); break;
            case Enum e: emitter.Emit(Plain(EnumNames.Of(e))); break;
            case string s: emitter.Emit(Text(s)); break;
            case ClassSelection { Names: null } c: emitter.Emit(Plain(c.Count.ToString(CultureInfo.InvariantCulture))); break;
            case ClassSelection c: WriteList(emitter, c.Names!); break;
            case SplitSize z: emitter.Emit(Plain(z.ToString())); break;
            case IReadOnlyList<string> list: WriteList(emitter, list); break;
            default: throw new InvalidOperationException($"Cannot write spec value of type {value.GetType()}.");
        }
    }

    private static void WriteList(IEmitter emitter, IReadOnlyList<string> items)
    {
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
        foreach (string item in items) emitter.Emit(Text(item));
        emitter.Emit(new SequenceEnd());
    }

    /// <summary>Shortest round-trip form, always with a decimal point so the value reads as a number of its kind.</summary>
    private static string FormatNumber(double d)
    {
        string s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }

    private static Scalar Plain(string text) => new(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);

    // A string that a YAML reader would take for null, a boolean or a number is quoted to stay a string;
    // the emitter itself quotes anything that cannot be written plain (": ", leading "-", ...).
    private static Scalar Text(string s)
    {
        bool ambiguous = s.Length == 0 || s is "~" or "null" or "Null" or "NULL" or "true" or "false" or "True" or "False" ||
                         double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return new Scalar(null, null, s, ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true);
    }
}
