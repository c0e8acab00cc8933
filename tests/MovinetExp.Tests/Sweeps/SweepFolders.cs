using System.Text.Json;
using MovinetExp.Tests.Cli;
using MovinetExp.Tests.Support;
using MovinetExp.Runs;

namespace MovinetExp.Tests.Sweeps;

/// <summary>
/// What the end-to-end sweep tests share: a scratch folder with a tiny synthetic spec (32 px, 4 frames, a few
/// clips, about 10 s a point on one thread), the sweep folder a `sweep` command printed, and its collected JSON.
/// </summary>
internal static class SweepFolders
{
    public static string NewSpecFolder(string purpose, int epochs = 1, int trainPerClass = 4)
    {
        string folder = TestPaths.NewScratchFolder(purpose);
        File.WriteAllText(Path.Combine(folder, "spec.yaml"), $$"""
            name: tiny-sweep
            seed: 5
            data:
              source: synthetic
              path: data
              classes: [move_left, move_right]
              split: { train: {{trainPerClass}}, val: 0, test: 4 }
              frames: 4
              frame_step: 2
              resolution: 32
              cache: false
              workers: 1
              synthetic: { kinds: [move_left, move_right], videos_per_class: {{trainPerClass + 4}}, frames_per_video: 12, size: 32 }
            model: { id: a0, variant: base, checkpoint: none, freeze: none, residual_scale_init: 1.0 }
            train: { epochs: {{epochs}}, batch_size: 4 }
            """);
        return folder;
    }

    /// <summary>The only sweep folder under <paramref name="folder"/>/runs/sweeps.</summary>
    public static string SweepOf(string folder) => Directory.GetDirectories(Path.Combine(folder, "runs", "sweeps")).Single();

    /// <summary>`sweep collect --json` (or status): the points' name, state, accuracy and gate by point name.</summary>
    public static (CliResult Result, Dictionary<string, JsonElement> Points) Json(string folder, string command, string sweep, params string[] extra)
    {
        var result = CliProcess.Run(TimeSpan.FromSeconds(320), folder, ["sweep", command, sweep, "--json", .. extra]);
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var points = doc.RootElement.GetProperty("points").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.Clone());
        return (result, points);
    }

    public static string State(this JsonElement point) => point.GetProperty("state").GetString()!;

    /// <summary>The run folder of point <paramref name="name"/> of the sweep.</summary>
    public static RunFolder Run(string sweep, string name) => RunFolder.Open(Path.Combine(sweep, "tiny-sweep", name));

    /// <summary>Waits for a run to record a finished epoch (its status.json names the process that runs it).</summary>
    public static RunStatus WaitForEpoch(string runDirectory, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(Path.Combine(runDirectory, "status.json")))
            {
                var status = RunFolder.Open(runDirectory).ReadStatus();
                if (status.LastCompletedEpoch >= 1 && status.State == RunState.Running) return status;
            }
            Thread.Sleep(100);
        }
        Assert.Fail($"{runDirectory} recorded no finished epoch within {limit.TotalSeconds} s");
        return null!;
    }
}
