using System.Text.Json;
using MovinetExp.Common;
using MovinetExp.Evaluation;
using F = MovinetExp.Reporting.MetricsJsonFields;

namespace MovinetExp.Reporting;

/// <summary>Reads a metrics.json written by <see cref="MetricsWriter"/> (for reports and run comparison).</summary>
public static class MetricsReader
{
    /// <exception cref="DataException">The file is missing or not a metrics.json of this tool.</exception>
    public static RunMetrics Read(string path)
    {
        if (!File.Exists(path))
            throw new DataException($"{path} does not exist: the run has not been evaluated yet. Run `dotnet movinet eval` on the run folder first.");
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return Parse(doc.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DataException($"{path} is not a valid metrics file ({ex.Message}). It is written by `dotnet movinet eval`; re-run that to regenerate it.", ex);
        }
    }

    private static RunMetrics Parse(JsonElement root)
    {
        string[] names = root.GetProperty(F.Classes).EnumerateArray().Select(e => e.GetString()!).ToArray();
        JsonElement perClass = root.GetProperty(F.PerClass);
        ClassMetrics[] classes = names.Select(name =>
        {
            JsonElement c = perClass.GetProperty(name);
            return new ClassMetrics(name, c.GetProperty(F.Precision).GetDouble(), c.GetProperty(F.Recall).GetDouble(),
                c.GetProperty(F.F1).GetDouble(), c.GetProperty(F.Support).GetInt32());
        }).ToArray();

        var result = new EvaluationResult(
            ClassNames: names,
            ClipCount: root.GetProperty(F.ClipCount).GetInt32(),
            Top1Accuracy: root.GetProperty(F.Top1Accuracy).GetDouble(),
            TopK: root.GetProperty(F.TopK).GetInt32(),
            TopKAccuracy: root.GetProperty(F.TopKAccuracy).GetDouble(),
            // Written as null when it was not finite.
            MeanLoss: NullableDouble(root.GetProperty(F.MeanLoss)) ?? double.NaN,
            MacroF1: root.GetProperty(F.MacroF1).GetDouble(),
            PerClass: classes,
            ConfusionMatrix: ParseMatrix(root.GetProperty(F.ConfusionMatrix), names.Length),
            VideoCount: NullableDouble(root.GetProperty(F.VideoCount)) is double count ? (int)count : null,
            VideoAccuracy: NullableDouble(root.GetProperty(F.VideoAccuracy)));

        ExpectationCheck[] checks = root.GetProperty(F.Expectations).EnumerateArray().Select(e => new ExpectationCheck(
            e.GetProperty(F.Name).GetString()!,
            e.GetProperty(F.Threshold).GetDouble(),
            NullableDouble(e.GetProperty(F.Actual)),
            e.GetProperty(F.Passed).GetBoolean(),
            e.GetProperty(F.Detail).GetString())).ToArray();
        return new RunMetrics(result, checks);
    }

    private static int[,] ParseMatrix(JsonElement rows, int classes)
    {
        var matrix = new int[classes, classes];
        int t = 0;
        foreach (JsonElement row in rows.EnumerateArray())
        {
            if (t >= classes || row.GetArrayLength() != classes)
                throw new FormatException($"the confusion matrix must be {classes}x{classes}");
            int p = 0;
            foreach (JsonElement cell in row.EnumerateArray()) matrix[t, p++] = cell.GetInt32();
            t++;
        }
        if (t != classes) throw new FormatException($"the confusion matrix must be {classes}x{classes}");
        return matrix;
    }

    private static double? NullableDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
}
