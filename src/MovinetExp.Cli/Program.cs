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

// Every convolution problem is checked against float64 on first use; when the preferred kernel is wrong on
// this CPU the router switches to one that passed, and the user is told in one line (README, "Correct
// numbers on every CPU").
MovinetExp.Numerics.ConvRouter.Rerouted += route => Diagnostics.Warning("numerics:", route.Problem.ToString(),
    $"{route.Preferred} gave wrong results on this CPU (error {route.PreferredError:0.0E+0}); using {route.Algorithm}, which passed");
// Verdicts of earlier processes under the same kernel environment are reused, so the check costs a file
// read after the first run on a machine (`doctor` always checks afresh).
if (MovinetExp.Catalog.CacheFolderPath.Resolve(MovinetExp.Catalog.CacheFolderPath.Default, Environment.GetEnvironmentVariable)
    is ({ } cacheFolder, null))
    MovinetExp.Numerics.ConvRouter.Cache = new MovinetExp.Health.ConvVerdictFile(cacheFolder);

// Host: configuration (MOVINET_* environment variables), logging and DI for the commands.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "movinet" });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = false; });
// Log messages are diagnostics: all of them to standard error, never between a command's results.
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
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
