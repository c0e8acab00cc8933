using System.Text.Encodings.Web;
using System.Text.Json;
using MovinetExp.Evaluation;
using MovinetExp.IO;
using F = MovinetExp.Reporting.MetricsJsonFields;

namespace MovinetExp.Reporting;

/// <summary>
/// Writes metrics.json deterministically: properties in a fixed order, numbers in shortest round-trip invariant
/// form, "\n" line ends, and no timestamps or durations (those go to environment.json and the log), so two runs
/// with identical results produce byte-identical files that CI can diff.
/// </summary>
public static class MetricsWriter
{
    /// <summary>Atomically writes <paramref name="metrics"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, RunMetrics metrics) => AtomicFile.WriteAllBytes(path, ToBytes(metrics));

    /// <summary>The exact bytes <see cref="Write"/> puts on disk.</summary>
    public static byte[] ToBytes(RunMetrics metrics)
    {
        EvaluationResult r = metrics.Result;
        if (r.ClassNames.Distinct(StringComparer.Ordinal).Count() != r.ClassNames.Count)
            throw new ArgumentException("Class names must be unique: per-class metrics are keyed by name.", nameof(metrics));

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Class names are shown as written (e.g. "Apply Eye Makeup", accents) rather than as \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteNumber(F.ClipCount, r.ClipCount);
            json.WriteNumber(F.Top1Accuracy, r.Top1Accuracy);
            json.WriteNumber(F.TopK, r.TopK);
            json.WriteNumber(F.TopKAccuracy, r.TopKAccuracy);
            // A diverged model (a learning rate too high) gives a NaN or infinite loss: JSON has no such numbers.
            WriteNullable(json, F.MeanLoss, r.MeanLoss);
            json.WriteNumber(F.MacroF1, r.MacroF1);
            WriteNullable(json, F.VideoCount, r.VideoCount);
            WriteNullable(json, F.VideoAccuracy, r.VideoAccuracy);
            WriteClasses(json, r);
            WriteConfusion(json, r.ConfusionMatrix);
            WriteExpectations(json, metrics.Expectations);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteClasses(Utf8JsonWriter json, EvaluationResult r)
    {
        json.WriteStartArray(F.Classes);
        foreach (string name in r.ClassNames) json.WriteStringValue(name);
        json.WriteEndArray();

        json.WriteStartObject(F.PerClass);
        foreach (ClassMetrics c in r.PerClass)
        {
            json.WriteStartObject(c.ClassName);
            json.WriteNumber(F.Precision, c.Precision);
            json.WriteNumber(F.Recall, c.Recall);
            json.WriteNumber(F.F1, c.F1);
            json.WriteNumber(F.Support, c.Support);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteConfusion(Utf8JsonWriter json, int[,] matrix)
    {
        json.WriteStartArray(F.ConfusionMatrix);
        for (int t = 0; t < matrix.GetLength(0); t++)
        {
            json.WriteStartArray();
            for (int p = 0; p < matrix.GetLength(1); p++) json.WriteNumberValue(matrix[t, p]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteExpectations(Utf8JsonWriter json, IReadOnlyList<ExpectationCheck> checks)
    {
        json.WriteStartArray(F.Expectations);
        foreach (ExpectationCheck c in checks)
        {
            json.WriteStartObject();
            json.WriteString(F.Name, c.Name);
            json.WriteNumber(F.Threshold, c.Threshold);
            WriteNullable(json, F.Actual, c.Actual);
            json.WriteBoolean(F.Passed, c.Passed);
            if (c.Detail == null) json.WriteNull(F.Detail); else json.WriteString(F.Detail, c.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteBoolean(F.AllExpectationsPassed, Expectations.AllPassed(checks));
    }

    /// <summary>The value, or null when there is none or it is not finite (NaN, ±∞).</summary>
    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v)) json.WriteNumber(name, v); else json.WriteNull(name);
    }
}
