using System.Text.RegularExpressions;
using MovinetExp.Checkpoints;
using MovinetExp.Interop;
using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Cli;

/// <summary>Small inputs the command-line tests give the tool: a checkpoint and NumPy clips.</summary>
internal static class CliFixtures
{
    /// <summary>An A0 base checkpoint (random weights: these tests check exit codes and messages, not numbers); returns its prefix.</summary>
    public static string SaveA0Base(string folder, int classes = 3)
    {
        manual_seed(41);
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base, classes));
        return MovinetCheckpointWriter.Save(model, Path.Combine(folder, "model"));
    }

    /// <summary>A float32 clip [frames, size, size, 3] of values in [0, 1] saved as <paramref name="name"/>; returns its path.</summary>
    public static string SaveClip(string folder, string name = "clip.npy", int frames = 2, int size = 16, float scale = 1f)
    {
        var random = new Random(7);
        var values = new float[frames * size * size * 3];
        for (int i = 0; i < values.Length; i++) values[i] = (float)random.NextDouble() * scale;
        string path = Path.Combine(folder, name);
        NpyWriter.Write(path, values, [frames, size, size, 3]);
        return path;
    }

    /// <summary>
    /// <paramref name="text"/> without any white space: Spectre.Console wraps redirected output at 80
    /// columns, even inside a long path, so paths are compared with white space removed on both sides.
    /// </summary>
    public static string NoSpace(string text) => Regex.Replace(text, @"\s+", "");

    /// <summary>
    /// Fails unless <paramref name="text"/> (standard error, or both streams) holds <paramref name="expected"/>,
    /// compared without white space (see <see cref="NoSpace"/>), showing the whole text when it does not.
    /// </summary>
    public static void AssertContains(string expected, string text) =>
        Assert.True(NoSpace(text).Contains(NoSpace(expected), StringComparison.Ordinal), $"'{expected}' not found in:\n{text}");

    /// <summary>Fails with both output streams when the exit code is not <paramref name="expected"/>.</summary>
    public static void AssertExit(int expected, CliResult result) =>
        Assert.True(result.ExitCode == expected, $"exit code {result.ExitCode}, expected {expected}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}");
}
