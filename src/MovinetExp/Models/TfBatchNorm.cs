using MovinetExp.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Keras BatchNormalization over channels of [B,C,T,H,W] (../shared/design/movinet-architecture.md §2.1): epsilon 1e-3,
/// Keras momentum 0.99 (torch momentum 0.01), gamma and beta on. Built on functional batch_norm rather than
/// nn.BatchNorm3d: Keras keeps no batch counter, and TorchSharp's counter update (num_batches_tracked.add_) was seen to
/// fail mid-training with "alpha must not be a floating point number" in TorchSharp 0.107.
/// </summary>
internal sealed class TfBatchNorm : nn.Module<Tensor, Tensor>, ITfVariableSource
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Tensor running_mean;
    private readonly Tensor running_var;
    private double _momentum;
    private readonly double _epsilon;

    public TfBatchNorm(long channels, MovinetOptions options) : base(nameof(TfBatchNorm))
    {
        weight = new Parameter(ones(channels));
        bias = new Parameter(zeros(channels));
        running_mean = zeros(channels);
        running_var = ones(channels);
        _momentum = options.BatchNormMomentum;
        _epsilon = options.BatchNormEpsilon;
        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
        register_buffer(nameof(running_mean), running_mean);
        register_buffer(nameof(running_var), running_var);
    }

    /// <summary>Torch-convention momentum of the moving statistics (weight of the newest batch).</summary>
    internal double Momentum { get => _momentum; set => _momentum = value; }

    /// <summary>Forgets the moving statistics (mean 0, variance 1).</summary>
    internal void ResetStatistics()
    {
        using var noGrad = no_grad();
        running_mean.zero_();
        running_var.fill_(Scalars.One);
    }

    public override Tensor forward(Tensor x) =>
        nn.functional.batch_norm(x, running_mean, running_var, weight, bias, training, _momentum, _epsilon);

    /// <summary>
    /// A convolution followed by this batch norm in inference, as one convolution (<paramref name="convolve"/>
    /// with the folded weight and bias): weights scaled by gamma/sqrt(var+eps) per output channel, bias beta - mean·scale
    /// (plus the conv's own bias, scaled). Saves a full pass and an allocation over the activations,
    /// which at A0's first layers are ~77 MB each. Only valid with frozen statistics (not training).
    /// </summary>
    internal Tensor FoldedInto(Tensor convWeight, Tensor? convBias, Func<Tensor, Tensor, Tensor> convolve)
    {
        using var scope = NewDisposeScope();
        var (weight, shift) = Fold(convWeight, convBias);
        return convolve(weight, shift).MoveToOuterDisposeScope();
    }

    /// <summary>The weight and bias of one convolution equal to a convolution followed by this batch norm in
    /// inference (see <see cref="FoldedInto"/>; the ONNX export writes these).</summary>
    internal (Tensor Weight, Tensor Bias) Fold(Tensor convWeight, Tensor? convBias)
    {
        using var scope = NewDisposeScope();
        var scale = running_var.add(Scalars.Of(_epsilon), Scalars.One).rsqrt_().mul_(weight);
        var shift = convBias is null ? bias.sub(running_mean.mul(scale)) : bias.add(convBias.sub(running_mean).mul_(scale), Scalars.One);
        var folded = convWeight.mul(scale.view(-1, 1, 1, 1, 1));
        return (folded.MoveToOuterDisposeScope(), shift.MoveToOuterDisposeScope());
    }

    public void CollectTfVariables(string path, TfVariableCollector collector)
    {
        collector.Parameter($"{path}/gamma", weight, TfLayout.Identity(weight.shape));
        collector.Parameter($"{path}/beta", bias, TfLayout.Identity(bias.shape));
        collector.Statistic($"{path}/moving_mean", running_mean);
        collector.Statistic($"{path}/moving_variance", running_var);
    }
}
