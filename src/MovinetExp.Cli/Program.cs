using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MovinetExp.Cli.Commands;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Native;
using Spectre.Console.Cli;

// Before LibTorch allocates anything: large tensors reuse freed heap memory instead of fresh mmaps.
NativeHeap.KeepFreedMemoryForReuse();

// Host: configuration (MOVINET_* environment variables), logging and DI for the commands.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "movinet" });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = false; });
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = new CommandApp(new TypeRegistrar(builder.Services));
app.Configure(config =>
{
    config.SetApplicationName("dotnet movinet");
    config.SetApplicationVersion(RuntimeVersions.Tool);
    config.Settings.ExceptionHandler = ErrorHandler.Handle;
    config.Settings.CancellationExitCode = ExitCodes.Interrupted;
    config.Settings.StrictParsing = true;
    CommandCatalog.Register(config);
});
using var interruption = Interruption.Install();
// A lone "-" means standard input; the parser would take it for an option without a name.
int exitCode = await app.RunAsync(args.Select(a => a == "-" ? MovinetExp.Inference.InputClips.StandardInput : a), interruption.Token);
return interruption.ExitCode(exitCode);
