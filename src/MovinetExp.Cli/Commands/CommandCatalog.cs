using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands;

/// <summary>Every command of `dotnet movinet`, with its description and examples, in one place.</summary>
internal static class CommandCatalog
{
    public static void Register(IConfigurator config)
    {
        config.AddExample("run", "experiments/quickstart.yaml");
    }
}
