using System.Globalization;
using MovinetExp.Cli.Infrastructure;
using MovinetExp.Common;
using MovinetExp.Inference;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands.Inference;

/// <summary>`predict INPUT...`: top-K classes per video or clip; a bad input is reported and the others still get answers.</summary>
internal sealed class PredictCommand : AsyncCommand<ClassifierSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ClassifierSettings settings, CancellationToken cancellation)
    {
        using var classifier = await settings.LoadAsync(cancellation);
        var clips = new List<InputClip>();
        var failures = new List<InputFailure>();
        foreach (string input in settings.Inputs)
        {
            var (read, failure) = InputClips.ReadAll([input], settings.SamplingFor(classifier, input))[0];
            clips.AddRange(read);
            if (failure != null) failures.Add(failure);
        }
        var predictions = Predictor.Predict(classifier, clips, settings.Top, batchSize: 8);
        settings.WriteLogits(predictions.Select(p => p.Logits).ToList());

        if (settings.Json)
            JsonOutput.Write(new
            {
                classifier = classifier.Origin,
                engine = classifier.Engine,
                hard_sigmoid = EnumNames.Of(classifier.HardSigmoid),
                predictions = predictions.Select(p => new { input = p.Name, top = p.Top.Select(t => new { label = t.Label, index = t.Index, probability = t.Probability }), logits = p.Logits }),
                errors = failures.Select(f => new { input = f.Name, error = f.Reason }),
            });
        else
        {
            Diagnostics.Note($"{classifier.Origin}; SE gate {EnumNames.Of(classifier.HardSigmoid)}");
            foreach (var p in predictions)
            {
                var table = new Table().Title(Markup.Escape(p.Name)).AddColumns("rank", "class", "probability");
                int rank = 1;
                foreach (var t in p.Top) table.AddRow((rank++).ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Label), t.Probability.ToString("0.0000", CultureInfo.InvariantCulture));
                AnsiConsole.Write(table);
            }
            foreach (var f in failures) Diagnostics.Error($"{f.Name}: {f.Reason}");
        }
        return failures.Count == 0 ? ExitCodes.Success : ExitCodes.Data;
    }
}
