using System.Globalization;
using MovinetExp.Common;
using MovinetExp.IO;

namespace MovinetExp.Runs;

/// <summary>
/// One experiment run on disk: <c>&lt;runsRoot&gt;/&lt;experiment&gt;/&lt;UTC yyyyMMdd-HHmmss&gt;-&lt;specHash8&gt;[-N]/</c>.
/// Knows the name of every file a run produces, and keeps status.json so that an interrupted or crashed run
/// is visible as such. A run folder is never reused: a name clash gets a -2, -3, ... suffix.
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string directory) => Directory = directory;

    /// <summary>Absolute path of the run folder.</summary>
    public string Directory { get; }

    /// <summary>Folder name: timestamp, spec hash and any clash suffix.</summary>
    public string Name => Path.GetFileName(Directory);

    /// <summary>The experiment name (the parent folder's name).</summary>
    public string ExperimentName => Path.GetFileName(Path.GetDirectoryName(Directory)!);

    public string SpecResolvedYaml => PathOf("spec.resolved.yaml");
    public string EnvironmentJson => PathOf("environment.json");
    public string HistoryCsv => PathOf("history.csv");
    public string MetricsJson => PathOf("metrics.json");
    public string ConfusionMatrixCsv => PathOf("confusion_matrix.csv");
    public string ConfusionMatrixPng => PathOf("confusion_matrix.png");
    public string TrainingCurvesPng => PathOf("training_curves.png");
    public string ReportHtml => PathOf("report.html");
    public string LogTxt => PathOf("log.txt");
    public string LabelsTxt => PathOf("labels.txt");
    public string DataFilesCsv => PathOf("data_files.csv");
    public string SkippedFilesCsv => PathOf("skipped_files.csv");
    public string StatusJson => PathOf("status.json");
    /// <summary>Held (flock) by the one process that writes this run; see <see cref="Runs.RunLock"/>.</summary>
    public string LockFile => PathOf("run.lock");
    /// <summary>Optional transfer-learning comparison (Reporting.TransferComparison) shown in the report.</summary>
    public string ComparisonJson => PathOf("comparison.json");
    /// <summary>Per-epoch training state for resume.</summary>
    public string CheckpointsDirectory => PathOf("checkpoints");
    /// <summary>The final model as a TensorFlow checkpoint.</summary>
    public string ModelDirectory => PathOf("model");

    /// <summary>
    /// Creates a fresh run folder (with checkpoints/ and model/) and marks it <see cref="RunState.Running"/>.
    /// </summary>
    /// <param name="specHash">Hash of the resolved spec; its first 8 characters go into the folder name.</param>
    /// <exception cref="UsageException">The experiment name cannot be a folder name, or the runs folder cannot hold run folders.</exception>
    public static RunFolder Create(string runsRoot, string experimentName, string specHash, DateTime utcNow)
    {
        ValidateExperimentName(experimentName);
        if (string.IsNullOrWhiteSpace(specHash) || !specHash.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"Spec hash '{specHash}' must be a non-empty alphanumeric string.", nameof(specHash));

        DateTime utc = utcNow.Kind == DateTimeKind.Local ? utcNow.ToUniversalTime() : utcNow;
        string baseName = utc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + specHash[..Math.Min(8, specHash.Length)].ToLowerInvariant();
        string parent = Path.GetFullPath(Path.Combine(runsRoot, experimentName));
        try
        {
            System.IO.Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // --runs names a file, <runs>/<name> is a file, or the folder cannot be created there at all.
            throw new UsageException($"Cannot create the run folder '{parent}' under the runs folder '{runsRoot}': {e.Message} " +
                "Pass --runs a folder you can write to (default: runs).", e);
        }

        for (int attempt = 1; ; attempt++)
        {
            string candidate = Path.Combine(parent, attempt == 1 ? baseName : $"{baseName}-{attempt}");
            if (System.IO.Directory.Exists(candidate)) continue;
            // If another process created the same folder in the same second, it moves on to the next suffix.
            if (TryClaim(candidate, utc) is { } folder) return folder;
        }
    }

    /// <summary>
    /// Creates the run folder at exactly <paramref name="directory"/> (a sweep point's
    /// <c>&lt;sweep&gt;/&lt;experiment&gt;/&lt;point&gt;</c>, whose place the sweep fixed before it ran) and marks it running.
    /// </summary>
    /// <exception cref="UsageException">A run folder is already there (it is resumed, never reused), or the folder cannot be created.</exception>
    public static RunFolder CreateAt(string directory)
    {
        string full = Path.GetFullPath(directory);
        ValidateExperimentName(Path.GetFileName(full));
        try
        {
            System.IO.Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot create the run folder '{full}': {e.Message} Make the sweep folder writable.", e);
        }
        return TryClaim(full, DateTime.UtcNow) ?? throw new UsageException(
            $"Run folder '{full}' already exists. A run folder is never reused; continue it with `dotnet movinet run --resume {full}`.");
    }

    /// <summary>Claims an existing empty folder as a new run, or returns null when another run already owns it.</summary>
    private static RunFolder? TryClaim(string directory, DateTime utc)
    {
        System.IO.Directory.CreateDirectory(directory);
        var folder = new RunFolder(directory);
        // Creating status.json exclusively is the claim: of two processes creating the same folder, exactly one wins.
        if (!AtomicFile.TryCreate(folder.StatusJson, SnakeCaseJson.ToUtf8(StatusOfThisProcess(RunState.Running, null, null, utc))))
            return null;
        System.IO.Directory.CreateDirectory(folder.CheckpointsDirectory);
        System.IO.Directory.CreateDirectory(folder.ModelDirectory);
        return folder;
    }

    /// <summary>Opens an existing run folder (for resume, eval, report and compare).</summary>
    /// <exception cref="UsageException">The folder does not exist or is not a run folder.</exception>
    public static RunFolder Open(string directory)
    {
        string full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw new UsageException($"Run folder '{directory}' does not exist. Pass a folder printed by `dotnet movinet run`, e.g. runs/<experiment>/<timestamp>-<hash>.");
        var folder = new RunFolder(full);
        if (!File.Exists(folder.StatusJson))
            throw new UsageException($"'{directory}' is not a run folder: it has no status.json. Pass a folder created by `dotnet movinet run`.");
        return folder;
    }

    /// <summary>Reads status.json.</summary>
    /// <exception cref="DataException">status.json is corrupt.</exception>
    public RunStatus ReadStatus() =>
        SnakeCaseJson.Read<RunStatus>(StatusJson, "It is written by the tool; delete the run folder if it is abandoned.");

    /// <summary>The class names in output order (labels.txt).</summary>
    /// <exception cref="UsageException">The run has no labels.txt: it stopped before its data was prepared.</exception>
    public IReadOnlyList<string> ReadLabels() =>
        File.Exists(LabelsTxt)
            ? File.ReadAllLines(LabelsTxt).Where(l => l.Length > 0).ToArray()
            : throw new UsageException($"Run '{Directory}' has no labels.txt: it stopped before its data was prepared (see its status.json and log.txt). Use a run that trained.");

    /// <summary>Atomically rewrites status.json, naming this process as its writer.</summary>
    public void WriteStatus(RunState state, int? lastCompletedEpoch, string? message = null) =>
        SnakeCaseJson.Write(StatusJson, StatusOfThisProcess(state, lastCompletedEpoch, message, DateTime.UtcNow));

    private static RunStatus StatusOfThisProcess(RunState state, int? lastCompletedEpoch, string? message, DateTime utc) =>
        new(state, lastCompletedEpoch, message, utc, ProcessIdentity.Pid, ProcessIdentity.Host, ProcessIdentity.StartedUtc);

    private string PathOf(string name) => Path.Combine(Directory, name);

    private static void ValidateExperimentName(string name)
    {
        // Restricted so the name is one portable path segment: no separators, no "..", nothing a shell would mangle.
        bool valid = !string.IsNullOrEmpty(name) && name != "." && name != ".."
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        if (!valid)
            throw new UsageException($"Experiment name '{name}' cannot be used as a run folder name. Use letters, digits, '-', '_' and '.' only (the spec's experiment name).");
    }
}
