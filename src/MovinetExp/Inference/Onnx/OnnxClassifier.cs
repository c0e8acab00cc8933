using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Export;
using MovinetExp.Models;
using MovinetExp.Native;

namespace MovinetExp.Inference.Onnx;

/// <summary>
/// A classifier exported by `dotnet movinet export`, run by ONNX Runtime. Its labels, default sampling and SE gate come
/// from the model's metadata (<see cref="OnnxContract"/>); a stream model's state inputs start at zero for each clip
/// and are carried from call to call when streaming.
/// </summary>
public sealed class OnnxClassifier : IVideoClassifier
{
    private readonly InferenceSession _session;
    private readonly string[] _stateInputs;

    private OnnxClassifier(InferenceSession session, string path, string device)
    {
        _session = session;
        var metadata = session.ModelMetadata.CustomMetadataMap;
        string Required(string key) => metadata.TryGetValue(key, out var value) && value.Length > 0 ? value
            : throw new CheckpointException($"--onnx {path}: the model has no '{key}' metadata, so it was not written by `dotnet movinet export`. Export the model with this tool.");
        int Number(string key) => int.TryParse(Required(key), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n
            : throw new CheckpointException($"--onnx {path}: metadata '{key}' is '{metadata[key]}', not a positive integer. Export the model again with `dotnet movinet export`.");
        // Spelt as the exporter writes them (EnumNames); anything else is a model this tool did not write.
        T Member<T>(string key) where T : struct, Enum => EnumNames.TryParse(Required(key), out T member) ? member
            : throw new CheckpointException($"--onnx {path}: metadata '{key}' is '{metadata[key]}', not one of {string.Join(", ", EnumNames.AllOf<T>())}. Export the model again with `dotnet movinet export`.");
        if (!session.InputMetadata.ContainsKey(OnnxContract.Video) || !session.OutputMetadata.ContainsKey(OnnxContract.Logits))
            throw new CheckpointException($"--onnx {path}: the model has no '{OnnxContract.Video}' input or '{OnnxContract.Logits}' output. Export the model with `dotnet movinet export`.");
        Labels = JsonSerializer.Deserialize<string[]>(Required(OnnxContract.LabelsKey))
            ?? throw new CheckpointException($"--onnx {path}: metadata 'labels' is not a list of names.");
        DefaultSampling = new InputSampling(Number(OnnxContract.FramesKey), Number(OnnxContract.FrameStepKey), Number(OnnxContract.ResolutionKey),
            Member<ResizeMode>(OnnxContract.ResizeKey));
        HardSigmoid = Member<HardSigmoidKind>(OnnxContract.HardSigmoidKey);
        _stateInputs = session.InputNames.Where(n => n.StartsWith(OnnxContract.StatePrefix, StringComparison.Ordinal)).ToArray();
        Origin = $"ONNX model {path} ({Required(OnnxContract.ModelIdKey)} {Required(OnnxContract.VariantKey)}, {Required(OnnxContract.SourceKey)}; ONNX Runtime on {device})";
        Device = device;
    }

    /// <inheritdoc cref="OnnxSessionFactory.Open"/>
    public static OnnxClassifier Open(string path, DeviceKind device, int threads = 0)
    {
        var (session, used) = OnnxSessionFactory.Open(path, device, threads);
        try
        {
            return new OnnxClassifier(session, path, used);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Labels { get; }
    public InputSampling DefaultSampling { get; }
    public string Origin { get; }
    public string Engine => "onnx";
    public HardSigmoidKind HardSigmoid { get; }
    public bool Causal => _stateInputs.Length > 0;

    /// <summary>"cpu" or "cuda".</summary>
    public string Device { get; }

    public float[][] Classify(float[] pixels, int batch, int frames, int height, int width)
    {
        // A stream model given a whole clip starts from the zero state: the same logits as frame by frame.
        using var states = new DisposableList(ZeroState(batch, height, width));
        using var video = OrtValue.CreateTensorValueFromMemory(pixels, [batch, frames, height, width, 3]);
        using var outputs = Run(video, states.Values);
        var logits = outputs[0].GetTensorDataAsSpan<float>();
        int classes = logits.Length / batch;
        var result = new float[batch][];
        for (int b = 0; b < batch; b++) result[b] = logits.Slice(b * classes, classes).ToArray();
        return result;
    }

    public IClassifierStream OpenStream(int height, int width) => new OnnxClassifierStream(this, ZeroState(1, height, width), height, width);

    /// <summary>One call: the clip and the state (in <see cref="StateInputs"/> order) → logits, then the next state.</summary>
    internal IDisposableReadOnlyCollection<OrtValue> Run(OrtValue video, IReadOnlyList<OrtValue> state)
    {
        using var options = new RunOptions();
        return _session.Run(options, [OnnxContract.Video, .. _stateInputs], [video, .. state],
            [OnnxContract.Logits, .. _stateInputs.Select(OnnxContract.StateOutput)]);
    }

    /// <summary>The zero state of a clip of batch × height × width, by the rule of <see cref="OnnxContract.StateDimension"/>.</summary>
    private List<OrtValue> ZeroState(long batch, long height, long width)
    {
        var values = new List<OrtValue>();
        foreach (string name in _stateInputs)
        {
            var input = _session.InputMetadata[name];
            long[] shape = input.Dimensions.Select((size, i) => OnnxContract.StateDimension(input.SymbolicDimensions[i], size, batch, height, width)).ToArray();
            long count = shape.Aggregate(1L, (a, b) => a * b);
            values.Add(input.ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64
                ? OrtValue.CreateTensorValueFromMemory(new long[count], shape)
                : OrtValue.CreateTensorValueFromMemory(new float[count], shape));
        }
        return values;
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Disposes a list of ORT values together.</summary>
    private sealed class DisposableList(List<OrtValue> values) : IDisposable
    {
        public IReadOnlyList<OrtValue> Values => values;

        public void Dispose()
        {
            foreach (var v in values) v.Dispose();
        }
    }
}
