namespace MovinetExp.Experiments;

/// <summary>
/// The spec's <c>model.checkpoint</c>, read once: the released checkpoint of the model id and variant
/// (<c>pretrained</c>), none (random initialisation from the seed), the final model of the latest
/// completed run of an experiment (<c>run:NAME</c>), or a checkpoint folder, prefix or .tar.gz.
/// </summary>
public abstract record CheckpointReference
{
    public const string RunPrefix = "run:";

    private CheckpointReference() { }

    public sealed record Pretrained : CheckpointReference
    {
        public override string ToString() => "pretrained";
    }

    public sealed record None : CheckpointReference
    {
        public override string ToString() => "none";
    }

    public sealed record LatestRunOf(string Experiment) : CheckpointReference
    {
        public override string ToString() => RunPrefix + Experiment;
    }

    public sealed record Files(string Path) : CheckpointReference
    {
        public override string ToString() => Path;
    }

    /// <summary>The reference <paramref name="value"/> names; paths are made absolute against <paramref name="baseDirectory"/>.</summary>
    public static CheckpointReference Parse(string value, string baseDirectory) => value switch
    {
        "pretrained" => new Pretrained(),
        "none" => new None(),
        _ when value.StartsWith(RunPrefix, StringComparison.Ordinal) => new LatestRunOf(value[RunPrefix.Length..]),
        _ => new Files(System.IO.Path.GetFullPath(value, baseDirectory)),
    };
}
