using System.Text;
using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Experiments;

namespace MovinetExp.Sweeps;

/// <summary>
/// Expands a grid and validates every point before anything starts: each point's spec is loaded exactly as
/// `run SPEC --set ...` would load it (the shared overrides, then the point's grid values), so a grid key is a
/// `--set` key and gets the same checks and did-you-mean hints. All invalid points are reported in one error
/// (exit 2), each problem once with the points it concerns, and nothing is created.
/// </summary>
public static class SweepPlanner
{
    /// <param name="overrides">`--set` (and `--expect-all`, as `expect.KEY=VALUE`) overrides every point shares.</param>
    /// <exception cref="Common.UsageException">A grid option is malformed or a point's spec is invalid.</exception>
    public static SweepPlan Plan(string specPath, IReadOnlyList<string> overrides, IReadOnlyList<GridAxis> axes, ToolCatalog catalog)
    {
        var setKeys = overrides.Select(o => o.Split('=', 2)[0].Trim()).ToHashSet(StringComparer.Ordinal);
        var both = axes.Where(a => setKeys.Contains(a.Key)).Select(a => a.Key).ToList();
        if (both.Count > 0)
            throw new UsageException($"{string.Join(", ", both)}: given both with --set (or --expect-all) and with --grid. " +
                "A key takes its values from one place: drop the --set, or put its value into the --grid list.");

        // The experiment name is only known per point (a grid may even set `name`); Run is fixed below.
        var points = SweepGrid.Expand(axes, "");
        var specs = new List<Specs.ExperimentSpec>();
        var failures = new List<(SweepPoint Point, string Problem)>();
        string specDirectory = "";
        foreach (var point in points)
        {
            try
            {
                var (spec, directory) = SpecResolution.Load(specPath, [.. overrides, .. point.Values.Select(v => v.Override)], catalog);
                specs.Add(spec);
                specDirectory = directory;
            }
            catch (UsageException e)
            {
                failures.Add((point, e.Message));
            }
        }
        if (failures.Count > 0) throw Invalid(specPath, points.Count, failures);
        return new SweepPlan(points.Select((p, i) => p with { Run = $"{specs[i].Name}/{p.Name}" }).ToList(), specs, specDirectory);
    }

    private static UsageException Invalid(string specPath, int pointCount, List<(SweepPoint Point, string Problem)> failures)
    {
        var text = new StringBuilder();
        text.Append($"{specPath}: {failures.Count} of {pointCount} sweep points are invalid; nothing was started.");
        // The same problem (one in the file itself, or one grid value shared by many points) is listed once.
        // A grid value's problem names its origin as "--grid key", so a problem with the key itself (an unknown key)
        // reads the same for every value and is listed once; a bad value still shows the value it got.
        foreach (var group in failures.GroupBy(f => f.Point.Values.Aggregate(WithoutHeader(f.Problem),
                     (text, v) => text.Replace($"--set {v.Override}:", $"--grid {v.Key}:", StringComparison.Ordinal)), StringComparer.Ordinal))
        {
            var names = group.Select(f => $"{f.Point.Name} ({f.Point.Describe()})").ToList();
            text.AppendLine().Append(names.Count == pointCount ? "every point:" : $"point{(names.Count == 1 ? "" : "s")} {string.Join("; ", names)}:")
                .AppendLine().Append(group.Key);
        }
        return new UsageException(text.ToString());
    }

    // "file: N problems in the experiment spec:" heads every spec error; the problems follow on their own lines.
    private static string WithoutHeader(string message)
    {
        int newline = message.IndexOf('\n');
        return newline > 0 && message[..newline].Contains("problem", StringComparison.Ordinal) ? message[(newline + 1)..] : message;
    }
}
