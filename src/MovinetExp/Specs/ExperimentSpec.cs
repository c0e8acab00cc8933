namespace MovinetExp.Specs;

/// <summary>
/// One experiment, as written in its YAML file. Every default lives in the property initialisers of
/// these classes and every rule in their <see cref="SpecFieldAttribute"/>s; <see cref="SpecLoader"/>
/// fills an instance from YAML and rejects anything outside those rules.
/// </summary>
public sealed record ExperimentSpec
{
    // At most 100 characters: the name is one folder name of every run path (255 bytes at most on Linux file systems).
    [SpecField("Experiment name; names the run folder.", Required = true, Pattern = "[A-Za-z0-9_.-]{1,100}")]
    public string Name { get; init; } = "";

    [SpecField("Seed for every random choice (splits, sampling, initialisation, shuffling).", Min = 0)]
    public int Seed { get; init; } = 42;

    [SpecField("Videos, classes, splits and clip sampling.")]
    public DataSpec Data { get; init; } = new();

    [SpecField("Architecture, checkpoint and what is frozen.")]
    public ModelSpec Model { get; init; } = new();

    [SpecField("Optimisation.")]
    public TrainSpec Train { get; init; } = new();

    [SpecField("Evaluation on the test split.")]
    public EvalSpec Eval { get; init; } = new();

    [SpecField("Quality gates: the run fails (exit 1) when a metric misses its bound. Absent keys are not checked.")]
    public ExpectSpec Expect { get; init; } = new();
}
