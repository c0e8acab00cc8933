using MovinetExp.Export;
using MovinetExp.Numerics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// The MoViNet backbone: stem → block layers of stages 0–4 → head projection and global pool.
/// <see cref="forward"/> maps a video [B,3,T,H,W] (RGB in [0,1]) to pooled features [B,P]
/// (P = project filters: 480/600/640/744/856/992 for A0…A5).
/// </summary>
public sealed class Movinet : nn.Module<Tensor, Tensor>
{
    private readonly Stem stem;
    private readonly ModuleList<MovinetBlock> blocks;
    private readonly Head head;

    /// <summary>Builds the backbone of <see cref="MovinetOptions.ModelId"/> with HeNormal kernels,
    /// identity BN and ReZero scales at 0 (TF initialisation).</summary>
    /// <exception cref="MovinetExp.Common.UsageException">The options are invalid.</exception>
    public Movinet(MovinetOptions options) : base(nameof(Movinet))
    {
        options.Validate();
        var spec = options.Architecture;
        FeatureChannels = spec.ProjectFilters;
        stem = new Stem(spec, options);
        var layers = new List<MovinetBlock>();
        long channels = spec.StemFilters;
        int total = spec.LayerCount;
        for (int s = 0; s < spec.Stages.Count; s++)
        {
            var stage = spec.Stages[s];
            for (int l = 0; l < stage.Layers.Count; l++)
            {
                // Stochastic depth grows linearly with depth: layer i of N drops with rate·i/N.
                double dropRate = options.StochasticDepthRate * (layers.Count + 1) / total;
                layers.Add(new MovinetBlock($"block{s}_layer{l}", channels, stage.OutChannels, stage.Layers[l],
                    options, dropRate));
                channels = stage.OutChannels;
            }
        }

        blocks = nn.ModuleList(layers.ToArray());
        head = new Head(channels, spec.ProjectFilters, options);
        RegisterComponents();
    }

    /// <summary>Width P of the pooled features.</summary>
    public long FeatureChannels { get; }

    /// <summary>Video [B,3,T,H,W] → pooled features [B,P].</summary>
    public override Tensor forward(Tensor video) => Forward(video, null);

    /// <param name="observe">Called with "stem" and each "block{s}_layer{l}" output, e.g. to check shapes.</param>
    internal Tensor Forward(Tensor video, StreamContext? stream, Action<string, Tensor>? observe = null)
    {
        if (video.dim() != 5 || video.shape[1] != 3)
            throw new ArgumentException(
                $"MoViNet expects a video [B,3,T,H,W] with RGB values in [0,1]; got [{string.Join(",", video.shape)}].");
        using var scope = NewDisposeScope();
        var x = stem.Forward(MemoryLayout.ToChannelsLast(video), stream);
        observe?.Invoke("stem", x);
        foreach (var block in blocks)
        {
            var next = block.Forward(x, stream);
            observe?.Invoke(block.Name, next);
            x.Dispose();
            x = next;
        }

        return head.Forward(x, stream).flatten(1).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Forward"/> in an exported model: video [B,3,T,H,W] → pooled features [B,P,1,1,1].</summary>
    internal OnnxFeature ExportOnnx(OnnxGraph g, OnnxFeature video, OnnxStateGraph? state)
    {
        var x = stem.ExportOnnx(g, video, state);
        foreach (var block in blocks) x = block.ExportOnnx(g, x, state);
        return head.ExportOnnx(g, x, state);
    }

    /// <summary>The zero state a clip of batch × height × width starts from
    /// (../shared/design/movinet-architecture.md §6.2).</summary>
    internal void AddInitialState(StreamState state, long batch, long height, long width, Device device)
    {
        long h = TfSamePadding.OutputSize(height, ArchitectureSpec.StemStride.H);
        long w = TfSamePadding.OutputSize(width, ArchitectureSpec.StemStride.W);
        foreach (var block in blocks)
        {
            block.AddInitialState(state, batch, h, w, device);
            h = TfSamePadding.OutputSize(h, block.Stride.H);
            w = TfSamePadding.OutputSize(w, block.Stride.W);
        }

        head.AddInitialState(state, batch, device);
    }

    internal FeatureShape Describe(LayerTable table, FeatureShape input)
    {
        var shape = stem.Describe(table, input);
        foreach (var block in blocks) shape = block.Describe(table, shape);
        return head.Describe(table, shape);
    }

    /// <summary>TF paths: layer_with_weights-0 is the stem, 1…N the block layers, N+1 the head.</summary>
    internal void CollectTfVariables(string path, TfVariableCollector collector)
    {
        stem.CollectTfVariables(path + "/layer_with_weights-0", collector);
        for (int i = 0; i < blocks.Count; i++)
            blocks[i].CollectTfVariables($"{path}/layer_with_weights-{i + 1}", collector);
        head.CollectTfVariables($"{path}/layer_with_weights-{blocks.Count + 1}", collector);
    }
}
