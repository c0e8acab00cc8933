namespace MovinetExp.Sweeps;

/// <summary>
/// One combination of grid values: its position in the expansion (also its Slurm array task id), its name
/// (the run folder's name) and its values. Its run folder is <c>&lt;sweep&gt;/&lt;Run&gt;</c>, with
/// <paramref name="Run"/> = <c>&lt;experiment&gt;/&lt;name&gt;</c>, fixed before anything runs so that a scheduler
/// task, `sweep status` and `sweep resume` all find it without being told.
/// </summary>
public sealed record SweepPoint(int Index, string Name, IReadOnlyList<GridValue> Values, string Run)
{
    /// <summary>"train.lr=0.001, model.id=a0", for messages and tables.</summary>
    public string Describe() => string.Join(", ", Values.Select(v => v.Override));
}
