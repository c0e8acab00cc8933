namespace MovinetExp.Reporting;

/// <summary>
/// The font family plots ask for. ScottPlot's default family is not installed on Linux servers and its fallback
/// picks a serif face; DejaVu Sans (Debian fonts-dejavu-core) is requested explicitly and falls back the same way
/// where it is missing.
/// </summary>
internal static class PlotFonts
{
    public const string Sans = "DejaVu Sans";
}
