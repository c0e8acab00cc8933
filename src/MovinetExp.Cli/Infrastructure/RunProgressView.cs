using System.Globalization;
using MovinetExp.Common;
using MovinetExp.Experiments;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// Shows a run's progress: a live bar (epoch, step, loss, clips/s, ETA) in a terminal, and plain
/// periodic lines when output is redirected (CI logs), so both stay readable. Progress is a diagnostic:
/// it goes to standard error, leaving standard output to the results.
/// </summary>
internal static class RunProgressView
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(15);

    public static async Task<T> RunAsync<T>(Func<IProgress<ExperimentProgress>, Task<T>> work)
    {
        var console = Diagnostics.Console;
        if (Console.IsErrorRedirected || !console.Profile.Capabilities.Interactive)
            return await work(new PlainProgress());

        T result = default!;
        // Refreshed by the training thread between steps, not by Spectre's timer thread: a thread that
        // allocates while LibTorch runs can start a GC that frees TorchSharp temporaries in use (see NativeCallGate).
        await console.Progress()
            .AutoClear(false)
            .AutoRefresh(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask? current = null;
                int currentEpoch = 0;
                var progress = new SyncProgress<ExperimentProgress>(p =>
                {
                    if (p.Phase != null) Diagnostics.Note(p.Phase);
                    if (p.Step is { } step)
                    {
                        if (current == null || currentEpoch != step.Epoch)
                        {
                            current?.StopTask();
                            currentEpoch = step.Epoch;
                            current = context.AddTask($"epoch {step.Epoch}/{p.TotalEpochs}", maxValue: step.StepsInEpoch);
                        }
                        current.Value = step.Step;
                        current.Description = string.Create(CultureInfo.InvariantCulture,
                            $"epoch {step.Epoch}/{p.TotalEpochs} loss {step.Loss:F4} {step.ExamplesDone / Math.Max(1e-9, step.Elapsed.TotalSeconds):F1} clips/s");
                    }
                    if (p.Epoch is { } epoch) console.WriteLine(EpochLine(epoch));
                    context.Refresh();
                });
                result = await work(progress);
                current?.StopTask();
            });
        return result;
    }

    internal static string EpochLine(MovinetExp.Training.EpochReport e) =>
        FormattableString.Invariant($"epoch {e.Epoch}: train loss {e.Train.Loss:F4} acc {e.Train.Accuracy:F3}") +
        (e.Validation is { } v ? FormattableString.Invariant($", val loss {v.Loss:F4} acc {v.Accuracy:F3}") : "") +
        FormattableString.Invariant($" ({e.Duration.TotalSeconds:F1}s, {e.ResidentBytes / 1e6:F0} MB resident)");

    /// <summary>Redirected output: every phase, every epoch, and a step line at most every 15 s.</summary>
    private sealed class PlainProgress : IProgress<ExperimentProgress>
    {
        private DateTime _lastStepLine = DateTime.MinValue;

        public void Report(ExperimentProgress p)
        {
            if (p.Phase != null) Console.Error.WriteLine(p.Phase);
            if (p.Epoch != null) Console.Error.WriteLine(EpochLine(p.Epoch));
            if (p.Step is { } s && (DateTime.UtcNow - _lastStepLine > PlainInterval || s.Step == s.StepsInEpoch))
            {
                _lastStepLine = DateTime.UtcNow;
                double rate = s.ExamplesDone / Math.Max(1e-9, s.Elapsed.TotalSeconds);
                double eta = (s.StepsInEpoch - s.Step) * s.Elapsed.TotalSeconds / Math.Max(1, s.Step);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  epoch {s.Epoch}/{p.TotalEpochs} step {s.Step}/{s.StepsInEpoch} loss {s.Loss:F4} {rate:F1} clips/s, epoch ETA {eta:F0}s"));
            }
        }
    }
}
