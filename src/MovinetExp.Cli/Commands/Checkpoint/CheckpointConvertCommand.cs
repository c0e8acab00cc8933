using System.ComponentModel;
using MovinetExp.Checkpoints;
using MovinetExp.Common;
using MovinetExp.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Checkpoint;

/// <summary>
/// `checkpoint convert-stream IN OUT`: a stream checkpoint in TF's training layout (3d_2plus1d) to the
/// released 2plus1d layout that `stream` and the TF-Hub exports use (TF's convert_3d_2plus1d.py).
/// </summary>
internal sealed class CheckpointConvertCommand : Command<CheckpointConvertCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<IN>")]
        [Description("A 3d_2plus1d MoViNet stream checkpoint (prefix, .index, or folder)")]
        public string Input { get; init; } = "";

        [CommandArgument(1, "<OUT_DIR>")]
        [Description("Folder for the converted 2plus1d checkpoint")]
        public string Output { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var detected = CheckpointModelDetector.TryDetect(settings.Input)
            ?? throw new CheckpointException($"{settings.Input} does not look like a MoViNet checkpoint (`dotnet movinet checkpoint inspect` lists what it holds).");
        if (detected.ConvType != ConvType.Conv3dTwoPlusOneD)
            throw new CheckpointException($"{settings.Input} holds MoViNet {detected.ModelId} {EnumNames.Of(detected.Variant)} with {detected.ConvType} convolutions; only 3d_2plus1d stream checkpoints need converting.");
        using var trained = new MovinetClassifier(MovinetOptions.For(detected.ModelId, MovinetVariant.Stream, detected.NumClasses) with { ConvType = ConvType.Conv3dTwoPlusOneD });
        MovinetCheckpointLoader.Load(trained, settings.Input, CheckpointLoadMode.Full);
        using var released = StreamConversion.ToTwoPlusOneD(trained);
        string prefix = MovinetCheckpointWriter.Save(released, settings.Output);
        AnsiConsole.MarkupLineInterpolated($"converted MoViNet {detected.ModelId} stream ({detected.NumClasses} classes) to 2plus1d: [bold]{prefix}[/]");
        return ExitCodes.Success;
    }
}
