using MovinetExp.Cli.Commands.Checkpoint;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands;

/// <summary>Every command of `dotnet movinet`, with its description and examples, in one place.</summary>
internal static class CommandCatalog
{
    public static void Register(IConfigurator config)
    {
        config.AddExample("run", "experiments/quickstart.yaml");

        config.AddBranch("checkpoint", branch =>
        {
            branch.SetDescription("Download, inspect and convert TensorFlow MoViNet checkpoints.");
            branch.AddCommand<CheckpointInspectCommand>("inspect")
                .WithDescription("List every tensor of a TF checkpoint: key, dtype, shape and the sum of its values.")
                .WithExample("checkpoint", "inspect", "~/.cache/movinet-exp/checkpoints/movinet_a0_base/")
                .WithExample("checkpoint", "inspect", "model/ckpt-1.index", "--json");
        });
    }
}
