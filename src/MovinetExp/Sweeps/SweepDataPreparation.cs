using Microsoft.Extensions.Logging;
using MovinetExp.Catalog;
using MovinetExp.Experiments;
using MovinetExp.Specs;

namespace MovinetExp.Sweeps;

/// <summary>
/// Prepares each distinct dataset of a sweep once, before any point starts: generating a synthetic set or
/// fetching UCF101 entries is not safe for several processes writing the same folder at once, and points that
/// share a data section would otherwise all do it together. Afterwards every point finds its data ready (the
/// generators and the download cache reuse a finished set). On a cluster this runs where `sweep` is started, so
/// the data folder must be on the file system the nodes share (as the run folders are).
/// </summary>
public static class SweepDataPreparation
{
    public static async Task PrepareAsync(SweepPlan plan, ToolCatalog catalog, ILogger log, IProgress<string>? status,
        CancellationToken cancellation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in plan.Specs)
        {
            // Everything the chosen videos depend on: the data section and the seed (splits and synthetic content).
            if (!seen.Add(SpecWriter.SectionToYaml(spec.Data) + $"\nseed: {spec.Seed}")) continue;
            await DatasetPreparation.PrepareAsync(spec, catalog, log, status, cancellation);
        }
    }
}
