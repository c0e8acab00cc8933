using System.Reflection;
using MovinetExp.Common;
using Spectre.Console.Cli;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// Every option that takes one of a fixed set of words rejects a misspelt one before any work, as a usage
/// error (exit 2) that names the option, the words it takes and the one probably meant, like the spec's
/// own "did you mean" (issue 16). A misspelt --device must never quietly mean auto.
/// </summary>
public class ChoiceOptionTests
{
    /// <summary>A checkpoint that does not exist: without the check, loading it would fail with exit 4 instead.</summary>
    private const string MissingCheckpoint = "no-such-model/ckpt-1";

    /// <summary>Every command with --device (by command class), with arguments that are valid apart from the device.</summary>
    public static TheoryData<string, string[]> CommandsWithDevice => new()
    {
        { "PredictCommand", ["predict", "clip.npy", "--checkpoint", MissingCheckpoint] },
        { "StreamCommand", ["stream", "clip.npy", "--checkpoint", MissingCheckpoint] },
    };

    [Theory]
    [MemberData(nameof(CommandsWithDevice))]
    public void AMisspeltDeviceIsAUsageErrorOnEveryCommandThatHasTheOption(string command, string[] arguments)
    {
        var result = CliProcess.Run(Path.GetTempPath(), [.. arguments, "--device", "cpuu"]);

        CliFixtures.AssertExit(ExitCodes.UsageOrSpec, result);
        CliFixtures.AssertContains("--device must be auto, cpu or cuda, not 'cpuu' (did you mean 'cpu'?)", result.StandardError);
        Assert.True(result.StandardOutput == "", $"{command} printed: {result.StandardOutput}");
    }

    [Fact]
    public void TheDeviceTableListsEveryCommandThatHasTheOption()
    {
        // A command that gains --device must be added to CommandsWithDevice, so that its check is tested too.
        var listed = CommandsWithDevice.Select(row => (string)row[0]).Order().ToArray();
        var cli = Assembly.Load("movinet");
        var withDevice = cli.GetTypes()
            .Where(t => !t.IsAbstract && SettingsOf(t) is { } settings && settings.GetProperties().Any(IsDeviceOption))
            .Select(t => t.Name).Order().ToArray();

        Assert.Equal(listed, withDevice);
    }

    [Theory]
    [InlineData("--stream-gate must be keras or relu6, not 'relu' (did you mean 'relu6'?)",
        "predict", "clip.npy", "--checkpoint", MissingCheckpoint, "--stream-gate", "relu")]
    [InlineData("--stream-gate must be keras or relu6, not 'kera' (did you mean 'keras'?)",
        "stream", "clip.npy", "--checkpoint", MissingCheckpoint, "--stream-gate", "kera")]
    [InlineData("--stream-gate must be keras or relu6, not 'Relu6' (did you mean 'relu6'?)",
        "export", "--checkpoint", MissingCheckpoint, "-o", "model.onnx", "--stream-gate", "Relu6")]
    // With --onnx the gate may only be left at keras; a misspelt keras is still named as a misspelling.
    [InlineData("--stream-gate must be keras or relu6, not 'kerass' (did you mean 'keras'?)",
        "predict", "clip.npy", "--onnx", "model.onnx", "--stream-gate", "kerass")]
    [InlineData("--engine must be torch or onnx, not 'onx' (did you mean 'onnx'?)",
        "predict", "clip.npy", "--onnx", "model.onnx", "--engine", "onx")]
    [InlineData("--engine must be torch or onnx, not 'Torch' (did you mean 'torch'?)",
        "stream", "clip.npy", "--checkpoint", MissingCheckpoint, "--engine", "Torch")]
    [InlineData("--format must be onnx (the only export format), not 'onx' (did you mean 'onnx'?)",
        "export", "--checkpoint", MissingCheckpoint, "-o", "model.onnx", "--format", "onx")]
    [InlineData("--executor must be local or slurm, not 'slrum' (did you mean 'slurm'?)",
        "sweep", "spec.yaml", "--grid", "train.lr=0.001,0.01", "--executor", "slrum")]
    [InlineData("--only must be load, infer, train-frozen, train-full or stream, not 'train_full' (did you mean 'train-full'?)",
        "bench", "--only", "load", "--only", "train_full")]
    [InlineData("--variant must be base or stream, not 'strem' (did you mean 'stream'?)",
        "doctor", "--variant", "strem")]
    [InlineData("--model must be a0, a1, a2, a3, a4 or a5, not 'A1' (did you mean 'a1'?)",
        "doctor", "--model", "A1")]
    public void AMisspeltChoiceIsAUsageErrorNamingTheClosestValue(string expected, params string[] arguments)
    {
        var result = CliProcess.Run(Path.GetTempPath(), arguments);

        CliFixtures.AssertExit(ExitCodes.UsageOrSpec, result);
        CliFixtures.AssertContains(expected, result.StandardError);
    }

    private static bool IsDeviceOption(PropertyInfo property) =>
        property.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.Contains("device") == true;

    /// <summary>The settings type of a Spectre command class, or null for other types.</summary>
    private static Type? SettingsOf(Type type)
    {
        for (Type? t = type; t != null; t = t.BaseType)
        {
            if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Command<>) || t.GetGenericTypeDefinition() == typeof(AsyncCommand<>)))
                return t.GetGenericArguments()[0];
        }
        return null;
    }
}
