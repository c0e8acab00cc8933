using System.Globalization;
using System.Text;
using MovinetExp.Common;
using MovinetExp.IO;

namespace MovinetExp.Sweeps;

/// <summary>
/// A sweep on disk: <c>&lt;runs&gt;/sweeps/&lt;experiment&gt;-&lt;UTC yyyyMMdd-HHmmss&gt;-&lt;hash8&gt;[-N]/</c> with sweep.json
/// (definition and last status), sweep.csv and sweep.html (the summary), logs/ (each point's output) and, for
/// Slurm, slurm/ (the job script and the jobs submitted). The points' run folders are inside it, at
/// <c>&lt;experiment&gt;/&lt;point&gt;</c>, so a sweep is one folder to copy, share or delete. Sweeps live under
/// <c>sweeps/</c>, not beside the runs of their experiment, where `checkpoint: run:NAME` expects only run folders.
/// </summary>
public sealed class SweepFolder
{
    private SweepFolder(string directory) => Directory = directory;

    public string Directory { get; }

    public string SweepJson => PathOf("sweep.json");
    public string SweepCsv => PathOf("sweep.csv");
    public string SweepHtml => PathOf("sweep.html");
    /// <summary>Each point's standard output and error: <c>logs/&lt;point&gt;.log</c> locally, <c>logs/slurm-&lt;job&gt;_&lt;task&gt;.out</c> on Slurm.</summary>
    public string LogsDirectory => PathOf("logs");
    public string SlurmDirectory => PathOf("slurm");
    public string JobScript => Path.Combine(SlurmDirectory, "sweep.sbatch");
    /// <summary>One line per `sbatch`: job id, the point indices it holds, when. Appended, never rewritten.</summary>
    public string Submissions => Path.Combine(SlurmDirectory, "jobs.csv");

    /// <summary>The run folder of <paramref name="point"/> (it exists once the point has started).</summary>
    public string RunDirectory(SweepPoint point) => Path.Combine(Directory, point.Run);

    /// <summary>Each point's resolved spec as validated when the sweep was created, what its task runs.</summary>
    public string SpecsDirectory => PathOf("specs");

    /// <summary>
    /// The resolved spec of <paramref name="point"/> (every default filled in, paths absolute, the cache folder's
    /// synthetic data where the sweep prepared it): a point that starts later runs what was validated, even if the
    /// spec file has changed since or a node sees another cache folder.
    /// </summary>
    public string SpecOf(SweepPoint point) => Path.Combine(SpecsDirectory, point.Name + ".yaml");

    /// <summary>Local log of one point.</summary>
    public string LogOf(SweepPoint point) => Path.Combine(LogsDirectory, point.Name + ".log");

    /// <summary>Creates a new sweep folder and writes its definition with every point pending, and each point's resolved spec.</summary>
    /// <param name="specs">The points' resolved specs, in point order.</param>
    /// <exception cref="UsageException">The runs folder cannot hold it.</exception>
    public static SweepFolder Create(string runsRoot, SweepDefinition definition, IReadOnlyList<Specs.ExperimentSpec> specs)
    {
        string parent = Path.GetFullPath(Path.Combine(runsRoot, "sweeps"));
        string hash = FileHashes.Sha256(Encoding.UTF8.GetBytes(string.Join('\n',
            [definition.Spec, .. definition.Overrides, .. definition.Grid.Select(a => a.Key + "=" + string.Join(',', a.Values))])))[..8];
        string baseName = $"{definition.Experiment}-{definition.CreatedUtc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{hash}";
        try
        {
            System.IO.Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot create the sweeps folder '{parent}': {e.Message} Pass --runs a folder you can write to (default: runs).", e);
        }
        for (int attempt = 1; ; attempt++)
        {
            string candidate = Path.Combine(parent, attempt == 1 ? baseName : $"{baseName}-{attempt}");
            if (System.IO.Directory.Exists(candidate)) continue;
            System.IO.Directory.CreateDirectory(candidate);
            var folder = new SweepFolder(candidate);
            // As for run folders: creating the file exclusively is the claim on the name.
            var pending = definition.Points.Select(p => SweepStatusReader.NotStarted(p, "not started")).ToList();
            if (!AtomicFile.TryCreate(folder.SweepJson, SnakeCaseJson.ToUtf8(new SweepDocument(definition, pending, DateTime.UtcNow))))
                continue;
            System.IO.Directory.CreateDirectory(folder.LogsDirectory);
            System.IO.Directory.CreateDirectory(folder.SpecsDirectory);
            foreach (var (point, spec) in definition.Points.Zip(specs))
                AtomicFile.WriteAllText(folder.SpecOf(point), Specs.SpecWriter.ToYaml(spec));
            return folder;
        }
    }

    /// <summary>Opens a sweep folder printed by `dotnet movinet sweep`.</summary>
    /// <exception cref="UsageException">The folder does not exist or has no sweep.json.</exception>
    public static SweepFolder Open(string directory)
    {
        string full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw new UsageException($"Sweep folder '{directory}' does not exist. Pass the folder printed by `dotnet movinet sweep`, e.g. runs/sweeps/<experiment>-<timestamp>-<hash>.");
        var folder = new SweepFolder(full);
        if (!File.Exists(folder.SweepJson))
            throw new UsageException($"'{directory}' is not a sweep folder: it has no sweep.json. Pass a folder created by `dotnet movinet sweep`.");
        return folder;
    }

    /// <exception cref="DataException">sweep.json is corrupt.</exception>
    public SweepDocument Read() =>
        SnakeCaseJson.Read<SweepDocument>(SweepJson, "It is written by `dotnet movinet sweep`; start the sweep again if it was edited by hand.");

    /// <summary>Rewrites sweep.json with <paramref name="status"/> (the definition never changes).</summary>
    public void WriteStatus(SweepDefinition definition, IReadOnlyList<SweepPointStatus> status) =>
        SnakeCaseJson.Write(SweepJson, new SweepDocument(definition, status, DateTime.UtcNow));

    /// <summary>Records one `sbatch` (appended: concurrent readers never see a half-rewritten file).</summary>
    public void AddSubmission(SlurmSubmission submission)
    {
        System.IO.Directory.CreateDirectory(SlurmDirectory);
        if (!File.Exists(Submissions)) File.AppendAllText(Submissions, Csv.FormatRow(["job_id", "indices", "submitted_utc"]));
        File.AppendAllText(Submissions, Csv.FormatRow([submission.JobId, string.Join(' ', submission.Indices),
            submission.SubmittedUtc.ToString("O", CultureInfo.InvariantCulture)]));
    }

    /// <summary>Every Slurm submission, oldest first (none for a local sweep).</summary>
    public IReadOnlyList<SlurmSubmission> ReadSubmissions()
    {
        if (!File.Exists(Submissions)) return [];
        try
        {
            return Csv.Parse(File.ReadAllText(Submissions)).Skip(1).Select(row => new SlurmSubmission(row[0],
                row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList(),
                DateTime.Parse(row[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))).ToList();
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException)
        {
            throw new DataException($"{Submissions} is not a list of Slurm jobs ({e.Message}). It is written by `dotnet movinet sweep`; " +
                "restore it or find the job ids with `sacct`/`squeue --me`.", e);
        }
    }

    private string PathOf(string name) => Path.Combine(Directory, name);
}
