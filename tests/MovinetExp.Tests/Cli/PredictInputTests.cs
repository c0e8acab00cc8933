using System.Text.Json;
using MovinetExp.Interop;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// `predict` on NumPy clips the model cannot take and on logits files it cannot write: a data error
/// (exit 3) or a usage error (exit 2) naming the file, never an internal error from LibTorch or the
/// JSON writer (issue 14, items 2, 3 and 27).
/// </summary>
public class PredictInputTests
{
    [Fact]
    public void AClipWithANaNIsADataErrorNamingTheFileAndTheIndex()
    {
        string folder = TestPaths.NewScratchFolder("cli-predict-nan");
        try
        {
            string prefix = CliFixtures.SaveA0Base(folder);
            string clip = Path.Combine(folder, "nan.npy");
            var values = new float[2 * 4 * 4 * 3];
            values[5] = float.NaN;
            NpyWriter.Write(clip, values, [2, 4, 4, 3]);

            var result = CliProcess.Run(folder, "predict", clip, "--checkpoint", prefix, "--device", "cpu", "--json");

            CliFixtures.AssertExit(3, result);
            using var json = JsonDocument.Parse(result.StandardOutput);
            string error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray()).GetProperty("error").GetString()!;
            Assert.Contains(clip, error);
            Assert.Contains("index 5 (frame 0, row 0, column 1, channel 2) is NaN", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LogitsTooLargeForFloatAreWrittenAsJsonNull()
    {
        string folder = TestPaths.NewScratchFolder("cli-predict-overflow");
        try
        {
            string prefix = CliFixtures.SaveA0Base(folder);
            // Finite pixels near float's maximum: the network's sums overflow to infinity (and NaN after it).
            string clip = CliFixtures.SaveClip(folder, "huge.npy", scale: 3e38f);

            var result = CliProcess.Run(folder, "predict", clip, "--checkpoint", prefix, "--device", "cpu", "--json");

            CliFixtures.AssertExit(0, result);
            using var json = JsonDocument.Parse(result.StandardOutput);
            var prediction = Assert.Single(json.RootElement.GetProperty("predictions").EnumerateArray());
            Assert.Contains(prediction.GetProperty("logits").EnumerateArray(), l => l.ValueKind == JsonValueKind.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("(0, 16, 16, 3)", "0 frames of 16x16 pixels")]
    [InlineData("(1, 8, 0, 0, 3)", "8 frames of 0x0 pixels")]
    [InlineData("(1, 8, 1099511627776, 1099511627776, 3)", "larger than 2147483647")]
    [InlineData("(65536, 65536, 65536, 65536, 3)", "more values than one array can hold")]
    [InlineData("(1, 600, 16, 16, 3)", "at most 512 frames")]
    public void AClipShapeTheModelCannotTakeIsADataError(string shape, string expected)
    {
        string folder = TestPaths.NewScratchFolder("cli-predict-shape");
        try
        {
            string prefix = CliFixtures.SaveA0Base(folder);
            string clip = Path.Combine(folder, "shape.npy");
            // Format 1.0 by hand: magic, version, header length 118 (so the data starts at byte 128), the dict, the data.
            // The header alone decides; only the last shape comes with the bytes it needs.
            byte[] header = System.Text.Encoding.Latin1.GetBytes($"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}".PadRight(117) + "\n");
            byte[] data = shape == "(1, 600, 16, 16, 3)" ? new byte[600 * 16 * 16 * 3 * 4] : [];
            File.WriteAllBytes(clip, [0x93, .. "NUMPY"u8, 1, 0, 118, 0, .. header, .. data]);

            var result = CliProcess.Run(folder, "predict", clip, "--checkpoint", prefix, "--device", "cpu");

            CliFixtures.AssertExit(3, result);
            CliFixtures.AssertContains(expected, result.Unwrapped);
            CliFixtures.AssertContains(clip, result.StandardError);
            Assert.DoesNotContain("Exception", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("missing-folder/out.npy")]
    [InlineData("a-folder")]
    public void LogitsThatCannotBeWrittenThereAreAUsageErrorAndLeaveNoTemporaryFile(string target)
    {
        string folder = TestPaths.NewScratchFolder("cli-predict-logits-out");
        try
        {
            string prefix = CliFixtures.SaveA0Base(folder);
            string clip = CliFixtures.SaveClip(folder);
            Directory.CreateDirectory(Path.Combine(folder, "a-folder"));
            var before = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToList();

            var result = CliProcess.Run(folder, "predict", clip, "--checkpoint", prefix, "--device", "cpu", "--logits-out", target);

            CliFixtures.AssertExit(2, result);
            CliFixtures.AssertContains($"--logits-out {target}", result.Unwrapped);
            Assert.Equal(before, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Where(e => !e.Contains("cache")).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
