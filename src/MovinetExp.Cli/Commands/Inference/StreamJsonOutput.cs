using System.Text.Encodings.Web;
using System.Text.Json;
using MovinetExp.Common;
using MovinetExp.Inference;

namespace MovinetExp.Cli.Commands.Inference;

/// <summary>
/// `stream --json`: the same document a serializer would write at the end ({classifier, engine, hard_sigmoid, frame_step,
/// resolution, streams: [{input, frames: [{frame, probabilities}], final_top, final_logits, ms_per_frame}]}),
/// but written and flushed frame by frame, so memory stays flat however long the video is and a consumer sees
/// each frame as it is classified. If the input fails halfway, the document stops there (exit code 3 says so).
/// </summary>
internal sealed class StreamJsonOutput : IDisposable
{
    private readonly Utf8JsonWriter _json;

    public StreamJsonOutput(Stream output, IVideoClassifier classifier, InputSampling sampling)
    {
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("classifier", classifier.Origin);
        _json.WriteString("engine", classifier.Engine);
        _json.WriteString("hard_sigmoid", EnumNames.Of(classifier.HardSigmoid));
        _json.WriteNumber("frame_step", sampling.FrameStep);
        _json.WriteNumber("resolution", sampling.Resolution);
        _json.WriteStartArray("streams");
    }

    public void BeginStream(string input)
    {
        _json.WriteStartObject();
        _json.WriteString("input", input);
        _json.WriteStartArray("frames");
    }

    public void Frame(StreamStep step)
    {
        _json.WriteStartObject();
        _json.WriteNumber("frame", step.Frame);
        _json.WriteStartArray("probabilities");
        foreach (double p in step.Probabilities) _json.WriteNumberValue(p);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
    }

    public void EndStream(StreamSummary summary)
    {
        _json.WriteEndArray();
        _json.WriteStartArray("final_top");
        foreach (var t in summary.FinalTop)
        {
            _json.WriteStartObject();
            _json.WriteString("label", t.Label);
            _json.WriteNumber("index", t.Index);
            _json.WriteNumber("probability", t.Probability);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.WriteStartArray("final_logits");
        foreach (float l in summary.FinalLogits) _json.WriteNumberValue(l);
        _json.WriteEndArray();
        _json.WriteNumber("ms_per_frame", summary.MillisecondsPerFrame);
        _json.WriteEndObject();
        _json.Flush();
    }

    /// <summary>Closes the document and ends it with a newline, as the other commands' JSON does.</summary>
    public void Finish(Stream output)
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    public void Dispose() => _json.Dispose();
}
