using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using MovinetExp.Common;
using MovinetExp.Inference;
using MovinetExp.Models;
using MovinetExp.Native;
using Onnx;
using MovinetExp.IO;
using MovinetExp.Export;
using DataType = Onnx.TensorProto.Types.DataType;

namespace MovinetExp.Inference.Onnx;

/// <summary>
/// Writes a loaded classifier as an ONNX model (opset 17): the graph is what the model's own modules emit
/// (<see cref="MovinetClassifier.ExportOnnx"/>), with batch norms folded into the convolutions, and the metadata
/// says what the model expects (<see cref="OnnxContract"/>). A base model maps video [batch, frames, height, width, 3]
/// to logits [batch, classes], every dimension but the channels chosen at run time (TF "same" padding is computed
/// in the graph from the input's size). A stream model also takes and returns its stream state.
/// </summary>
public static class OnnxExporter
{
    public const int Opset = 17;

    // IR version 8 is the one that introduced opset 17 (ONNX 1.12); ONNX Runtime reads it and everything later.
    private const long IrVersion = 8;

    /// <summary>Writes <paramref name="path"/> atomically (a reader never sees half a model).</summary>
    /// <exception cref="UsageException">The file cannot be written.</exception>
    public static void Export(LoadedClassifier classifier, string path)
    {
        var model = Build(classifier);
        try
        {
            AtomicFile.Write(path, model.WriteTo);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"-o {path}: the ONNX file cannot be written ({e.Message}). Write it to another place.", e);
        }
    }

    /// <summary>The ONNX model of <paramref name="classifier"/>, in memory.</summary>
    public static ModelProto Build(LoadedClassifier classifier)
    {
        var options = classifier.Model.Options;
        string variant = EnumNames.Of(options.Variant);
        var graph = new OnnxGraph($"movinet_{options.ModelId}_{variant}");
        graph.Input(OnnxContract.Video, DataType.Float, OnnxContract.BatchDim, "frames", "height", "width", 3L);
        // Outputs in a stable order: the logits first, then the state in the order the modules write it.
        graph.Output(OnnxContract.Logits, DataType.Float, OnnxContract.BatchDim, (long)options.NumClasses);
        var state = options.Causal ? new OnnxStateGraph(graph) : null;
        // The model computes channels first ([B,3,T,H,W]); callers hand over frames as they are stored, channels last.
        var video = graph.Node("Transpose", "input", [OnnxContract.Video], OnnxGraph.Attribute("perm", 0L, 4, 1, 2, 3));
        var logits = classifier.Model.ExportOnnx(graph, video, state);
        graph.AddNode("Identity", OnnxContract.Logits, [logits], [OnnxContract.Logits]);

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "movinet-exp",
            ProducerVersion = RuntimeVersions.Tool,
            DocString = $"MoViNet {options.ModelId} {variant} classifier exported by movinet-exp from {classifier.Origin}.",
            Graph = graph.Proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in Metadata(classifier, state))
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    private static IEnumerable<(string Key, string Value)> Metadata(LoadedClassifier classifier, OnnxStateGraph? state)
    {
        var options = classifier.Model.Options;
        var sampling = classifier.DefaultSampling;
        string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
        yield return (OnnxContract.ModelIdKey, options.ModelId);
        yield return (OnnxContract.VariantKey, EnumNames.Of(options.Variant));
        yield return (OnnxContract.LabelsKey, JsonSerializer.Serialize(classifier.Labels));
        yield return (OnnxContract.FramesKey, Number(sampling.Frames));
        yield return (OnnxContract.FrameStepKey, Number(sampling.FrameStep));
        yield return (OnnxContract.ResolutionKey, Number(sampling.Resolution));
        yield return (OnnxContract.ResizeKey, EnumNames.Of(sampling.Resize));
        yield return (OnnxContract.HardSigmoidKey, EnumNames.Of(options.HardSigmoidKind));
        yield return (OnnxContract.HardSigmoidFormulaKey, HardSigmoid.Formula(options.HardSigmoidKind));
        yield return (OnnxContract.ToolVersionKey, RuntimeVersions.Tool);
        yield return (OnnxContract.CheckpointSha256Key, classifier.CheckpointSha256 ?? "");
        yield return (OnnxContract.SourceKey, classifier.Origin);
        if (state is not null)
            yield return (OnnxContract.StreamStateKey, JsonSerializer.Serialize(new
            {
                rule = "Start every clip from zeros of each state input's shape, with batch = the clip's batch, height and width = its frame size " +
                       "and ceil(height/N) = height divided by N, rounded up. After each call, feed output state/X:next back as input state/X.",
                entries = state.Entries.Select(e => new { input = e.Input, output = e.Output, dtype = e.Type, shape = e.Shape }),
            }));
    }
}
