namespace MovinetExp.Common;

/// <summary>
/// Collects every problem found in a spec (or the tool catalogue) so the user sees them all in one go,
/// then turns them into a single <see cref="UsageException"/>.
/// </summary>
internal sealed class SpecProblems
{
    private readonly List<SpecProblem> _problems = new();

    public IReadOnlyList<SpecProblem> All => _problems;

    public void Add(string location, string path, string message, string hint) =>
        _problems.Add(new SpecProblem(location, path, message, hint));

    /// <summary>True when a problem was already reported for this key or one of its sub-keys.</summary>
    public bool Touches(string path) =>
        _problems.Any(p => p.Path == path || p.Path.StartsWith(path + ".", StringComparison.Ordinal));

    /// <param name="fileName">The file the problems are in, as the user named it.</param>
    /// <param name="subject">What the file is, for the header line.</param>
    public void ThrowIfAny(string fileName, string subject = "experiment spec")
    {
        if (_problems.Count == 0) return;
        string header = _problems.Count == 1
            ? $"{fileName}: 1 problem in the {subject}:"
            : $"{fileName}: {_problems.Count} problems in the {subject}:";
        throw new UsageException(header + Environment.NewLine + string.Join(Environment.NewLine, _problems));
    }
}
