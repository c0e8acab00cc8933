using ScottPlot;
using MovinetExp.IO;

namespace MovinetExp.Reporting;

/// <summary>
/// training_curves.png: loss (left) and accuracy (right) per epoch, train vs validation, each with a legend.
/// Validation lines are drawn only for epochs that have validation figures.
/// </summary>
public static class TrainingCurvesPlot
{
    public const int Width = 1400;
    public const int Height = 560;

    /// <summary>Writes the PNG atomically.</summary>
    /// <exception cref="ArgumentException">There are no history rows to plot.</exception>
    public static void Save(string path, IReadOnlyList<HistoryRow> history)
    {
        if (history.Count == 0) throw new ArgumentException("No epochs to plot: the history is empty.", nameof(history));

        Plot loss = Panel(history, "Loss", "cross-entropy", r => r.TrainLoss, r => r.ValLoss, Alignment.UpperRight);
        Plot accuracy = Panel(history, "Accuracy", "accuracy", r => r.TrainAccuracy, r => r.ValAccuracy, Alignment.LowerRight);
        // Accuracy is a fraction: a fixed 0..1 axis makes runs comparable at a glance.
        accuracy.Axes.SetLimitsY(0, 1.02);
        var figure = new Multiplot();
        figure.Reset(loss); // a new Multiplot starts with one empty plot; replace it
        figure.AddPlot(accuracy);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        byte[] png = figure.Render(Width, Height).GetImageBytes(ImageFormat.Png);
        AtomicFile.WriteAllBytes(path, png);
    }

    private static Plot Panel(IReadOnlyList<HistoryRow> history, string title, string yLabel,
        Func<HistoryRow, double> train, Func<HistoryRow, double?> validation, Alignment legendCorner)
    {
        var plot = new Plot();
        plot.Font.Set(PlotFonts.Sans);
        double[] epochs = history.Select(r => (double)r.Epoch).ToArray();
        var trainLine = plot.Add.Scatter(epochs, history.Select(train).ToArray());
        trainLine.LegendText = "train";
        trainLine.LineWidth = 2;
        trainLine.MarkerSize = 7;

        HistoryRow[] validated = history.Where(r => validation(r).HasValue).ToArray();
        if (validated.Length > 0)
        {
            var valLine = plot.Add.Scatter(
                validated.Select(r => (double)r.Epoch).ToArray(), validated.Select(r => validation(r)!.Value).ToArray());
            valLine.LegendText = "validation";
            valLine.LineWidth = 2;
            valLine.MarkerSize = 7;
            valLine.LinePattern = LinePattern.Dashed;
        }

        // Whole-number epoch ticks: a fractional epoch axis would suggest intermediate measurements.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(legendCorner);
        return plot;
    }
}
