using MovinetExp.Checkpoints;
using MovinetExp.Models;
using MovinetExp.Tests.Support;
using OpenCvSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// `stream` is the constant-memory mode: the real tool, as a child process, must peak at about the same
/// resident memory on a long video as on its first few hundred frames. (It used to decode the whole video
/// into one array first: 45,000 frames grew to 3.4 GB.)
/// </summary>
[Collection(CliRunsCollection.Name)]
public class StreamMemoryTests(ITestOutputHelper output)
{
    // Generous: about 25 s on an idle 2-core machine, several times that on a busy one; no speed is measured.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(600);

    [Fact]
    public void PeakMemoryDoesNotGrowWithTheLengthOfTheVideo()
    {
        string folder = TestPaths.NewScratchFolder("cli-stream-memory");
        try
        {
            // 1500 frames (a minute at 25 fps), streamed every frame at 128 px: a whole-video read holds
            // 1200 x 128 x 128 x 3 floats = 236 MB more than a 300-frame one.
            string video = LongVideo(Path.Combine(folder, "long.avi"), frames: 1500);
            string checkpoint = SaveA0Stream(folder);
            string[] stream = ["stream", video, "--checkpoint", checkpoint, "--frame-step", "1", "--resolution", "128",
                "--every", "500", "--device", "cpu"];

            var (shortRun, shortPeak) = PeakResident(folder, [.. stream, "--max-frames", "300"]);
            var (longRun, longPeak) = PeakResident(folder, stream);

            Assert.True(shortRun.ExitCode == 0 && longRun.ExitCode == 0, $"{shortRun.Unwrapped}\n{longRun.Unwrapped}");
            output.WriteLine($"peak resident memory: {shortPeak >> 20} MiB for 300 frames, {longPeak >> 20} MiB for 1500 frames");
            // Generous against allocator noise, far below what holding the frames costs.
            const long bound = 48L << 20;
            Assert.True(longPeak - shortPeak < bound,
                $"peak resident memory: {shortPeak >> 20} MiB for 300 frames, {longPeak >> 20} MiB for 1500 frames");
            Assert.Contains("frame 1500:", longRun.Unwrapped); // the whole video was streamed
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the tool and samples its peak resident size (VmHWM) until it exits.</summary>
    private static (CliResult Result, long PeakBytes) PeakResident(string folder, string[] arguments)
    {
        // One LibTorch thread: per-frame work is small, and two threads on a busy machine mostly wait for each other.
        using var child = CliProcess.Start(folder, new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1" }, arguments);
        long peak = 0;
        var deadline = DateTime.UtcNow + Limit;
        while (!child.HasExited && DateTime.UtcNow < deadline)
        {
            peak = Math.Max(peak, ReadPeakResident(child.Id));
            Thread.Sleep(50);
        }
        var result = child.WaitForExit(TimeSpan.FromSeconds(10));
        Assert.True(peak > 0, "could not read the child's memory from /proc");
        return (result, peak);
    }

    private static long ReadPeakResident(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException) { } // the process ended between two samples
        return 0;
    }

    /// <summary>A Motion-JPEG video (as `data.source: synthetic` writes them): a square sweeping over noise, 96x72.</summary>
    private static string LongVideo(string path, int frames)
    {
        using var writer = new VideoWriter(path, FourCC.MJPG, 25, new OpenCvSharp.Size(96, 72), isColor: true);
        using var background = new Mat(72, 96, MatType.CV_8UC3);
        Cv2.Randu(background, Scalar.All(0), Scalar.All(255));
        using var frame = new Mat();
        for (int i = 0; i < frames; i++)
        {
            background.CopyTo(frame);
            Cv2.Rectangle(frame, new Rect(i * 2 % 72, 24, 24, 24), Scalar.White, -1);
            writer.Write(frame);
        }
        return path;
    }

    /// <summary>An A0 stream checkpoint with 3 classes (random weights: memory, not answers, is checked).</summary>
    private static string SaveA0Stream(string folder)
    {
        manual_seed(43);
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream, 3));
        return MovinetCheckpointWriter.Save(model, Path.Combine(folder, "model"));
    }
}
