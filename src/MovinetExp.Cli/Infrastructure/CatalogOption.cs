using System.ComponentModel;
using MovinetExp.Catalog;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>Settings shared by commands that use the tool catalogue (checkpoint and dataset locations, cache folder).</summary>
internal class CatalogSettings : CommandSettings
{
    [CommandOption("--catalog <FILE>")]
    [Description("Tool catalogue to use instead of the tool.json shipped with the tool (or $MOVINET_CATALOG)")]
    public string? Catalog { get; init; }

    public ToolCatalog LoadCatalog() => ToolCatalog.Load(Catalog);
}
