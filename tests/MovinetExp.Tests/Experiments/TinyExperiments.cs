using Microsoft.Extensions.Logging.Abstractions;
using MovinetExp.Catalog;
using MovinetExp.Common;
using MovinetExp.Experiments;
using MovinetExp.Specs;
using MovinetExp.Tests.Support;
using MovinetExp.Training;

namespace MovinetExp.Tests.Experiments;

/// <summary>
/// Shared state of the end-to-end experiment tests: one generated synthetic set (four motion kinds, so
/// each spec picks its classes from it without regenerating), one runs root (so <c>run:NAME</c>
/// checkpoints resolve), a catalogue whose cache folder is scratch, and memoised runs of specs several
/// tests look at. Sizes are tiny (32 px, 4 frames, 12 videos per class) so one run takes seconds.
/// </summary>
public sealed class TinyExperiments : IDisposable
{
    /// <summary>The spec every test starts from; tests change it with <c>--set</c>-style overrides.</summary>
    private const string BaseYaml = """
        name: tiny-scratch
        seed: 5
        data:
          source: synthetic
          path: {DATA}
          classes: [move_left, move_right]
          split: { train: 6, val: 2, test: 4 }
          frames: 4
          frame_step: 2
          resolution: 32
          cache: false
          synthetic: { kinds: [move_left, move_right, move_up, move_down], videos_per_class: 12, frames_per_video: 12, size: 32 }
        model:
          id: a0
          variant: base
          checkpoint: none
          freeze: none
          residual_scale_init: 1.0
        train:
          epochs: 4
          batch_size: 4
        """;

    private readonly Dictionary<string, RecordedRun> _memo = new(StringComparer.Ordinal);

    public TinyExperiments()
    {
        Root = TestPaths.NewScratchFolder("experiments");
        SyntheticFolder = Path.Combine(Root, "synthetic");
        RunsRoot = Path.Combine(Root, "runs");
        SpecDirectory = Path.Combine(Root, "specs");
        Directory.CreateDirectory(SpecDirectory);
        string cache = Path.Combine(Root, "cache");
        // The shipped catalogue, with the cache redirected without touching this process's environment.
        Catalog = ToolCatalog.Load(null, name => name == CacheFolderPath.OverrideVariable ? cache
            : name == ToolCatalog.PathVariable ? null : Environment.GetEnvironmentVariable(name));
    }

    public string Root { get; }
    public string SyntheticFolder { get; }
    public string RunsRoot { get; }
    public string SpecDirectory { get; }
    public ToolCatalog Catalog { get; }

    /// <summary>The base spec with <paramref name="overrides"/> ("key.path=value") applied.</summary>
    public ExperimentSpec Spec(params string[] overrides) =>
        SpecLoader.Parse(BaseYaml.Replace("{DATA}", SyntheticFolder), "test.yaml", overrides);

    /// <summary>Removes every generated video and run folder once the collection is done.</summary>
    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>A new empty folder inside this fixture's root.</summary>
    public string NewScratch(string purpose)
    {
        string dir = Path.Combine(Root, $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public ExperimentRequest Request(ExperimentSpec spec, string? resumeDirectory = null) =>
        new(spec, SpecDirectory, RunsRoot, Catalog, "test", resumeDirectory);

    /// <summary>Runs <paramref name="request"/> to the end, recording every epoch report.</summary>
    /// <param name="onEpoch">Sees each epoch report as it arrives (e.g. to cancel the run).</param>
    public static async Task<RecordedRun> RunAsync(ExperimentRequest request, CancellationToken cancellation = default,
        Action<EpochReport>? onEpoch = null)
    {
        var epochs = new List<EpochReport>();
        var progress = new SyncProgress<ExperimentProgress>(p =>
        {
            if (p.Epoch is not { } report) return;
            epochs.Add(report);
            onEpoch?.Invoke(report);
        });
        var outcome = await new ExperimentRunner(NullLoggerFactory.Instance).RunAsync(request, progress, cancellation);
        return new RecordedRun(outcome, epochs);
    }

    /// <summary>
    /// One completed run of the base spec with <paramref name="overrides"/>, shared by every test that asks
    /// for the same spec (tests of one collection run one at a time, so no locking is needed).
    /// </summary>
    public async Task<RecordedRun> ReferenceRunAsync(params string[] overrides)
    {
        string key = string.Join("\n", overrides);
        if (!_memo.TryGetValue(key, out var run))
            _memo[key] = run = await RunAsync(Request(Spec(overrides)));
        return run;
    }
}

/// <summary>A finished run and the epoch reports it made along the way.</summary>
public sealed record RecordedRun(ExperimentOutcome Outcome, IReadOnlyList<EpochReport> Epochs)
{
    public string Directory => Outcome.Run.Directory;
}

/// <summary>
/// The end-to-end experiment tests share <see cref="TinyExperiments"/> and run one at a time, and after every
/// parallel collection: they use all cores, and the memory test reads the whole process's resident size.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TinyExperimentsCollection : ICollectionFixture<TinyExperiments>
{
    public const string Name = "tiny experiments";
}
