using MovinetExp.Common;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// Maps failures to the documented exit codes. User errors (bad arguments, specs, data, checkpoints)
/// print their message only; anything else is a bug and keeps its stack trace so it can be reported.
/// All of it goes to standard error (<see cref="Diagnostics"/>), never between a command's results.
/// </summary>
internal static class ErrorHandler
{
    public const int InternalError = 70;

    public static int Handle(Exception exception, ITypeResolver? _)
    {
        var console = Diagnostics.Console;
        switch (Unwrap(exception))
        {
            case MovinetException user:
                Diagnostics.Error(user.Message);
                return user.ExitCode;
            case CommandParseException or CommandRuntimeException:
                Diagnostics.Error(exception.Message);
                console.MarkupLine("Run [bold]dotnet movinet --help[/] (or [bold]dotnet movinet COMMAND --help[/]) for usage and examples.");
                return ExitCodes.UsageOrSpec;
            case OperationCanceledException:
                console.MarkupLine("[yellow]interrupted[/]");
                return ExitCodes.Interrupted;
            default:
                console.MarkupLine("[red]internal error[/] (a bug in movinet-exp, please report it with this output):");
                console.WriteException(exception, ExceptionFormats.ShortenPaths);
                return InternalError;
        }
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } agg ? Unwrap(agg.InnerExceptions[0])
        : e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner)
        : e;
}
