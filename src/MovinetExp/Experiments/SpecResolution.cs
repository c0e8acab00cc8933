using System.Text;
using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Data.Remote;
using MovinetExp.Data.Sources;
using MovinetExp.Specs;

namespace MovinetExp.Experiments;

/// <summary>
/// A spec as every command that runs one sees it, resolved once and in one place: the installation's
/// defaults filled in (the UCF101 URL, the synthetic-data folder, the folder split lists are read
/// from) and every path made absolute against the spec's folder. This is what `validate` prints and
/// what `run` writes to spec.resolved.yaml, so `run --resume` and `eval`, which read that file from
/// the run folder, mean the same files.
/// </summary>
public static class SpecResolution
{
    /// <summary>Loads <paramref name="path"/> with <paramref name="overrides"/>, validates it and resolves it.</summary>
    /// <exception cref="UsageException">The file cannot be read or the spec has problems.</exception>
    public static (ExperimentSpec Spec, string Directory) Load(string path, IEnumerable<string> overrides, ToolCatalog catalog)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return (Resolve(SpecLoader.Load(path, overrides), directory, catalog), directory);
    }

    public static ExperimentSpec Resolve(ExperimentSpec spec, string specDirectory, ToolCatalog catalog)
    {
        string? Absolute(string? path) =>
            path is null || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(specDirectory, path));
        var data = spec.Data;
        string? folder = data.Source switch
        {
            DataSource.Synthetic => Absolute(data.Path) ?? SyntheticFolder(spec, catalog),
            // Split lists name videos relative to this folder; without one, the spec's own folder.
            DataSource.List => Absolute(data.Path) ?? specDirectory,
            _ => Absolute(data.Path),
        };
        string? url = data.Source == DataSource.Ucf101 ? data.Url ?? catalog.DatasetUrl("ucf101") : data.Url;
        return spec with
        {
            Data = data with
            {
                Path = folder,
                // A URL stays as written; a path to a local zip becomes absolute like every other path.
                Url = url is null || url.Contains("://", StringComparison.Ordinal) ? url : Absolute(url),
                List = data.List with
                {
                    Train = Absolute(data.List.Train),
                    Val = Absolute(data.List.Val),
                    Test = Absolute(data.List.Test),
                    ClassIndex = Absolute(data.List.ClassIndex),
                },
            },
            Model = spec.Model with
            {
                Checkpoint = CheckpointReference.Parse(spec.Model.Checkpoint, specDirectory).ToString(),
            },
        };
    }

    /// <summary>
    /// <c>&lt;cache&gt;/synthetic/&lt;hash&gt;</c>, where the 8-hex hash covers everything the generated videos
    /// depend on (the synthetic section, the classes and the seed), so different settings never share a folder.
    /// </summary>
    public static string SyntheticFolder(ExperimentSpec spec, ToolCatalog catalog)
    {
        string identity = SpecWriter.SectionToYaml(spec.Data.Synthetic) + $"classes: {spec.Data.Classes}\nseed: {spec.Seed}\n";
        return Path.Combine(catalog.CacheFolder, "synthetic", FileHashes.Sha256(Encoding.UTF8.GetBytes(identity))[..8]);
    }
}
