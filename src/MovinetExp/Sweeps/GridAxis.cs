using System.Text;
using MovinetExp.Common;

namespace MovinetExp.Sweeps;

/// <summary>
/// One `--grid key=v1,v2` option: a spec key (any `--set` key) and the values a sweep tries for it, in the
/// order given. Values are YAML like `--set` values, so a list value keeps its commas: `data.classes=[a,b],[c,d]`
/// is two values.
/// </summary>
public sealed record GridAxis(string Key, IReadOnlyList<string> Values)
{
    /// <summary>Parses one `--grid` option; a malformed one is a usage error naming it and showing the form.</summary>
    /// <exception cref="UsageException">No key, no '=', an empty or repeated value, or unbalanced brackets/quotes.</exception>
    public static GridAxis Parse(string option)
    {
        int eq = option.IndexOf('=');
        string key = eq > 0 ? option[..eq].Trim() : "";
        if (key.Length == 0)
            throw Usage(option, "expected key=value1,value2");
        var values = SplitTopLevel(option[(eq + 1)..], option).Select(v => v.Trim()).ToList();
        if (values.Any(v => v.Length == 0))
            throw Usage(option, "a value is empty (two commas in a row, or a comma at the end)");
        var repeated = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated != null)
            throw Usage(option, $"the value '{repeated.Key}' is given twice, which would run the same point twice");
        return new GridAxis(key, values);
    }

    /// <summary>
    /// Splits on commas that are not inside brackets, braces or quotes, so flow lists and mappings stay whole.
    /// </summary>
    private static List<string> SplitTopLevel(string text, string option)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        int depth = 0;
        char quote = '\0';
        foreach (char c in text)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}')
            {
                if (--depth < 0) throw Usage(option, $"'{c}' closes a bracket that was never opened");
            }
            else if (c == ',' && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (quote != '\0' || depth != 0)
            throw Usage(option, quote != '\0' ? $"the quote {quote} is not closed" : "a bracket is not closed");
        parts.Add(current.ToString());
        return parts;
    }

    private static UsageException Usage(string option, string problem) =>
        new($"--grid {option}: {problem}. Write --grid key=value1,value2 with a spec key as for --set, " +
            "e.g. --grid train.lr=0.001,0.003 or --grid data.classes=[a,b],[c,d].");
}
