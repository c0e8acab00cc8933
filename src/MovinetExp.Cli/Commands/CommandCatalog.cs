using MovinetExp.Cli.Commands.Checkpoint;
using MovinetExp.Cli.Commands.Experiment;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands;

/// <summary>Every command of `dotnet movinet`, with its description and examples, in one place.</summary>
internal static class CommandCatalog
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<RunCommand>("run")
            .WithDescription("Run an experiment spec: data, transfer learning, evaluation, run folder. Exit 1 when an expectation fails.")
            .WithExample("run", "experiments/quickstart.yaml")
            .WithExample("run", "experiments/ucf10.yaml", "--set", "train.epochs=3", "--set", "data.frames=16")
            .WithExample("run", "--resume", "runs/ucf10/20261129-101500-1a2b3c4d");
        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Check a spec and print it resolved (every default filled in); --schema prints the JSON Schema.")
            .WithExample("validate", "experiments/ucf10.yaml")
            .WithExample("validate", "--schema", "x");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("Print the metric differences between two runs (B minus A).")
            .WithExample("compare", "runs/ucf10/20261129-101500-1a2b3c4d", "runs/ucf10/20261129-113000-1a2b3c4d");

        config.AddBranch("checkpoint", branch =>
        {
            branch.SetDescription("Download and inspect TensorFlow MoViNet checkpoints.");
            branch.AddCommand<CheckpointInspectCommand>("inspect")
                .WithDescription("List every tensor of a TF checkpoint: key, dtype, shape and the sum of its values.")
                .WithExample("checkpoint", "inspect", "~/.cache/movinet-exp/checkpoints/movinet_a0_base/")
                .WithExample("checkpoint", "inspect", "model/ckpt-1.index", "--json");
        });
    }
}
