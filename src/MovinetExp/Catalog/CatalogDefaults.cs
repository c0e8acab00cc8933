using System.Text;
using System.Text.Json;
using MovinetExp.Common;
using MovinetExp.Specs;

namespace MovinetExp.Catalog;

/// <summary>
/// The spec defaults that depend on the installation rather than on the spec classes: the UCF101 URL
/// (from the catalogue) and the output folder of generated videos (under the cache folder).
/// </summary>
public static class CatalogDefaults
{
    /// <summary>
    /// The spec with <c>data.url</c> (source ucf101) and <c>data.path</c> (source synthetic) filled in when
    /// they were left empty; every other value is unchanged.
    /// </summary>
    public static ExperimentSpec Apply(ExperimentSpec spec, ToolCatalog catalog)
    {
        var overrides = new List<string>();
        if (spec.Data.Source == DataSource.Ucf101 && spec.Data.Url is null)
            overrides.Add("data.url=" + YamlString(catalog.DatasetUrl("ucf101")));
        if (spec.Data.Source == DataSource.Synthetic && spec.Data.Path is null)
            overrides.Add("data.path=" + YamlString(SyntheticFolder(spec, catalog)));
        // Re-reading the written spec with overrides reuses the one validated path instead of copying objects by hand.
        return overrides.Count == 0 ? spec : SpecLoader.Parse(SpecWriter.ToYaml(spec), "<resolved spec>", overrides);
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

    // A JSON string literal is also a valid YAML double-quoted scalar, so any path or URL survives --set parsing.
    private static string YamlString(string value) => JsonSerializer.Serialize(value);
}
