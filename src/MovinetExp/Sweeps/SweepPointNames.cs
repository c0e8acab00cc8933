using System.Text;

namespace MovinetExp.Sweeps;

/// <summary>
/// Names sweep points after their values, e.g. <c>lr-0.001_id-a2</c>, so a run folder says what it tried. Each
/// key is shortened to its last segment (<c>train.lr</c> → <c>lr</c>) unless two grid keys share it; values keep
/// letters, digits, '.', '-' and '_' and every other run of characters becomes one '_'. Names are one portable
/// path segment (what run folders allow) and unique: a clash after cleaning gets -2, -3, ...
/// </summary>
public static class SweepPointNames
{
    /// <summary>Long names are cut here (before a uniqueness suffix) so paths stay well under file-system limits.</summary>
    public const int MaxLength = 100;

    public static IReadOnlyList<string> For(IReadOnlyList<GridAxis> axes, IReadOnlyList<IReadOnlyList<GridValue>> points)
    {
        var lastSegments = axes.Select(a => a.Key.Split('.')[^1]).ToList();
        var shortKey = axes.Select((a, i) => lastSegments.Count(s => s == lastSegments[i]) == 1 ? lastSegments[i] : a.Key)
            .Zip(axes, (name, axis) => (axis.Key, Name: Clean(name))).ToDictionary(p => p.Key, p => p.Name, StringComparer.Ordinal);

        var names = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var values in points)
        {
            string name = string.Join('_', values.Select(v => $"{shortKey[v.Key]}-{Clean(v.Value)}"));
            if (name.Length > MaxLength) name = name[..MaxLength].TrimEnd('_', '-', '.');
            string unique = name;
            for (int n = 2; !used.Add(unique); n++) unique = $"{name}-{n}";
            names.Add(unique);
        }
        return names;
    }

    private static string Clean(string text)
    {
        var name = new StringBuilder();
        bool replaced = false;
        foreach (char c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                name.Append(c);
                replaced = false;
            }
            else if (!replaced)
            {
                name.Append('_');
                replaced = true;
            }
        }
        string cleaned = name.ToString().Trim('_');
        return cleaned.Length == 0 ? "x" : cleaned;
    }
}
