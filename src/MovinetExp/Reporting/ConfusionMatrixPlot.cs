using ScottPlot;
using MovinetExp.IO;

namespace MovinetExp.Reporting;

/// <summary>
/// Renders a confusion matrix as a heatmap PNG: true class on the vertical axis (first class at the top),
/// predicted class along the bottom, both labelled with class names. The image grows with the class count
/// so that 101 classes (UCF101) still get a readable label per row and column; counts are written into the
/// cells while they fit.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>Cells get counts written in them up to this many classes; beyond that the text would not fit.</summary>
    public const int MaxClassesWithCounts = 30;

    /// <summary>Writes the PNG atomically and returns its size in pixels.</summary>
    /// <param name="normalizeRows">Colour by row fraction (recall per cell) instead of raw count; counts are still printed.</param>
    public static (int Width, int Height) Save(string path, int[,] matrix, IReadOnlyList<string> classNames, bool normalizeRows = false)
    {
        int n = classNames.Count;
        if (n == 0 || matrix.GetLength(0) != n || matrix.GetLength(1) != n)
            throw new ArgumentException($"A {matrix.GetLength(0)}x{matrix.GetLength(1)} matrix does not match {n} class names.", nameof(matrix));

        Layout layout = Layout.For(classNames);
        Plot plot = Build(matrix, classNames, normalizeRows, layout);
        byte[] png = plot.GetImage(layout.Width, layout.Height).GetImageBytes(ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, png);
        return (layout.Width, layout.Height);
    }

    private static Plot Build(int[,] matrix, IReadOnlyList<string> names, bool normalizeRows, Layout layout)
    {
        int n = names.Count;
        var plot = new Plot();
        plot.Font.Set(PlotFonts.Sans);
        var heatmap = plot.Add.Heatmap(Intensities(matrix, normalizeRows));
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();
        // Anchor the colour scale at 0 (white = no clips) rather than at the smallest cell, and give an all-zero
        // matrix a non-empty range.
        heatmap.ManualRange = new ScottPlot.Range(0, normalizeRows ? 1 : Math.Max(1, matrix.Cast<int>().Max()));
        // Cell (row t, column p) is centred on (p, n-1-t): integer centres make tick positions exact.
        heatmap.Rectangle = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = normalizeRows ? "row fraction" : "clips";
        if (!normalizeRows) // counts are whole numbers; half-clip ticks would be noise
            colorBar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

        if (n <= MaxClassesWithCounts) AddCounts(plot, matrix, normalizeRows, layout.CellFontSize);

        double[] positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, names.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions, Enumerable.Range(0, n).Select(i => names[n - 1 - i]).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.TickLabelStyle.FontSize = layout.TickFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = layout.TickFontSize;
        plot.Axes.Bottom.MinimumSize = layout.LabelSpace;
        plot.Axes.Left.MinimumSize = layout.LabelSpace;
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.XLabel("Predicted class");
        plot.YLabel("True class");
        plot.Title(normalizeRows ? "Confusion matrix (row-normalised)" : "Confusion matrix");
        return plot;
    }

    private static double[,] Intensities(int[,] matrix, bool normalizeRows)
    {
        int n = matrix.GetLength(0);
        var values = new double[n, n];
        for (int t = 0; t < n; t++)
        {
            double rowSum = 0;
            for (int p = 0; p < n; p++) rowSum += matrix[t, p];
            for (int p = 0; p < n; p++)
                values[t, p] = normalizeRows ? (rowSum == 0 ? 0 : matrix[t, p] / rowSum) : matrix[t, p];
        }
        return values;
    }

    private static void AddCounts(Plot plot, int[,] matrix, bool normalizeRows, float fontSize)
    {
        int n = matrix.GetLength(0);
        double[,] shade = Intensities(matrix, normalizeRows);
        double max = shade.Cast<double>().DefaultIfEmpty(0).Max();
        for (int t = 0; t < n; t++)
            for (int p = 0; p < n; p++)
            {
                var text = plot.Add.Text(matrix[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, n - 1 - t);
                text.LabelFontSize = fontSize;
                text.LabelAlignment = Alignment.MiddleCenter;
                // White on dark cells, black on light ones, so every count stays legible.
                text.LabelFontColor = max > 0 && shade[t, p] > 0.5 * max ? Colors.White : Colors.Black;
            }
    }

    /// <summary>Image and font sizes as a function of the class count and the longest class name.</summary>
    private sealed record Layout(int Width, int Height, float TickFontSize, float CellFontSize, float LabelSpace)
    {
        public static Layout For(IReadOnlyList<string> names)
        {
            int n = names.Count;
            float tickFont = n <= 20 ? 14 : n <= 50 ? 12 : 10;
            // About 600 px of matrix, but at least ~1.6 line heights per class so adjacent tick labels never
            // overlap (this is what makes 101 classes grow the image) and at most 120 px so 2-3 classes are not huge.
            int cell = Math.Clamp(600 / n, (int)(tickFont * 1.6f), 120);
            int longest = names.Max(s => s.Length);
            // ~0.7 em per character of DejaVu Sans, plus padding for the tick marks.
            float labelSpace = Math.Min(400, longest * tickFont * 0.7f + 24);
            int plotArea = cell * n;
            int width = (int)(plotArea + labelSpace + 220);  // + y-axis title and colour bar
            int height = (int)(plotArea + labelSpace + 110); // + title and x-axis title
            float cellFont = Math.Clamp(cell * 0.4f, 8, 18);
            return new Layout(width, height, tickFont, cellFont, labelSpace);
        }
    }
}
