using MovinetExp.Interop;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Numerics;

/// <summary>
/// ../shared/fixtures/parity: MoViNet-A0 base and stream as TF checkpoints, input clips, and logits from
/// two implementations that share no code with this project (a PyTorch port, and a float64 numpy model
/// for the 72-pixel clip). A faithful implementation agrees to ~1e-5; the check is atol 1e-4.
/// </summary>
internal static class ParityFixtures
{
    public const double Tolerance = 1e-4;

    public static readonly string[] Models = { "a0-base", "a0-stream" };

    public static readonly string[] Inputs = { "noise-72", "noise-b8-64", "video-172" };

    public static string Checkpoint(string model) => Path.Combine(TestPaths.Parity, model, "ckpt-1");

    public static string Input(string input) => Path.Combine(TestPaths.Parity, $"clip-{input}.npy");

    /// <summary>Every reference for the pair: the PyTorch port's, and the float64 model's where it exists.</summary>
    public static IEnumerable<(string Name, NpyArray Logits)> Expected(string model, string input)
    {
        foreach (string source in new[] { "port", "numpy64" })
        {
            string path = Path.Combine(TestPaths.Parity, model, $"logits-{input}.{source}.npy");
            if (File.Exists(path)) yield return (source, NpyReader.Read(path));
        }
    }

    /// <summary>Fails with the worst element when <paramref name="actual"/> misses any reference by more than
    /// <see cref="Tolerance"/>.</summary>
    public static void AssertMatches(string model, string input, float[] actual, string how)
    {
        var references = Expected(model, input).ToList();
        Assert.NotEmpty(references);
        foreach (var (source, expected) in references)
        {
            Assert.Equal(expected.Data.Length, actual.Length);
            int worst = Enumerable.Range(0, actual.Length).MaxBy(i => Math.Abs(actual[i] - expected.Data[i]));
            double error = Math.Abs(actual[worst] - expected.Data[worst]);
            Assert.True(error <= Tolerance,
                $"{model} on {input} ({how}) misses the {source} logits by {error:E2} at index {worst} " +
                $"({actual[worst]} vs {expected.Data[worst]}); tolerance {Tolerance}");
        }
    }
}
