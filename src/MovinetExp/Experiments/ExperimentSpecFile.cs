using MovinetExp.Catalog;
using MovinetExp.Specs;

namespace MovinetExp.Experiments;

/// <summary>
/// A spec file as every command that runs one sees it: validated with the overrides applied, the
/// installation's defaults filled in (UCF101 URL, synthetic-data folder) and every path made absolute.
/// </summary>
public static class ExperimentSpecFile
{
    public static (ExperimentSpec Spec, string Directory) Load(string path, IEnumerable<string> overrides, ToolCatalog catalog)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var spec = SpecPaths.Absolute(CatalogDefaults.Apply(SpecLoader.Load(path, overrides), catalog), directory);
        return (spec, directory);
    }
}
