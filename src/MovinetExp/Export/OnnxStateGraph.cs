using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace MovinetExp.Export;

/// <summary>
/// The stream state of a causal model as graph inputs and outputs: each entry the modules read becomes an input
/// state/&lt;entry&gt; and what they write the output state/&lt;entry&gt;:next, with the same shape. Buffers are
/// float32 [batch, C, frames, ceil(height/N), ceil(width/N)] (channels first, like the model's own state), running
/// sums float32 [batch, C, 1, 1, 1], frame counters int64 [1]. The initial state is zeros of those shapes.
/// </summary>
internal sealed class OnnxStateGraph
{
    private readonly OnnxGraph _graph;
    private readonly Dictionary<string, (DataType Type, object[] Dims)> _inputs = new(StringComparer.Ordinal);

    public OnnxStateGraph(OnnxGraph graph) => _graph = graph;

    /// <summary>Entry name → a description of its shape, for the model's metadata.</summary>
    public IEnumerable<(string Input, string Output, string Type, string[] Shape)> Entries =>
        _inputs.Select(e => (e.Key, OnnxContract.StateOutput(e.Key), e.Value.Type == DataType.Float ? "float32" : "int64",
            e.Value.Dims.Select(d => Convert.ToString(d, System.Globalization.CultureInfo.InvariantCulture)!).ToArray()));

    /// <summary>A stream buffer of the last <paramref name="frames"/> frames at 1/<paramref name="scale"/> of the input size.</summary>
    public string Buffer(string key, long channels, long frames, int scale) =>
        Declare(key, DataType.Float, OnnxContract.BatchDim, channels, frames,
            OnnxContract.ScaledDim("height", scale), OnnxContract.ScaledDim("width", scale));

    /// <summary>A running sum of per-frame means, [batch, C, 1, 1, 1].</summary>
    public string Sum(string key, long channels) => Declare(key, DataType.Float, OnnxContract.BatchDim, channels, 1L, 1L, 1L);

    /// <summary>A frame counter, int64 [1].</summary>
    public string Count(string key) => Declare(key, DataType.Int64, 1L);

    /// <summary>Makes <paramref name="value"/> the next value of entry <paramref name="key"/> (declared before by a read).</summary>
    public void SetNext(string key, string value)
    {
        string input = OnnxContract.StateInput(key);
        var (type, dims) = _inputs[input];
        string output = OnnxContract.StateOutput(input);
        _graph.AddNode("Identity", output, [value], [output]);
        _graph.Output(output, type, dims);
    }

    private string Declare(string key, DataType type, params object[] dims)
    {
        string input = OnnxContract.StateInput(key);
        if (_inputs.ContainsKey(input)) throw new InvalidOperationException($"State entry {key} is read twice.");
        _inputs[input] = (type, dims);
        _graph.Input(input, type, dims);
        return input;
    }
}
