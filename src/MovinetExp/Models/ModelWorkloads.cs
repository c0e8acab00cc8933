using MovinetExp.Numerics;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Runs a model on a zero clip the way inference, training and streaming run it, so that every
/// convolution problem of that use passes through <see cref="ConvRouter"/> (and is checked there) before
/// real data arrives. Used by `doctor` and by the numerics tests; the values computed are thrown away.
/// </summary>
public static class ModelWorkloads
{
    /// <summary>One forward pass in eval mode without gradients.</summary>
    public static void Inference(MovinetClassifier model, long batch, long frames, long height, long width)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        bool wasTraining = model.training;
        model.eval();
        model.forward(Clip(batch, frames, height, width));
        model.train(wasTraining);
    }

    /// <summary>One forward and backward pass in training mode with every parameter trainable. Moves the
    /// batch-norm statistics: use a model whose values do not matter.</summary>
    public static void Training(MovinetClassifier model, long batch, long frames, long height, long width)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        model.train();
        model.forward(Clip(batch, frames, height, width)).sum().backward();
        model.zero_grad();
        model.eval();
    }

    /// <summary>A causal model fed <paramref name="frames"/> single-frame chunks with its stream state.</summary>
    public static void Streaming(MovinetClassifier model, long batch, long frames, long height, long width)
    {
        using var scope = NewDisposeScope();
        model.eval();
        var state = model.InitStates(batch, height, width);
        for (long f = 0; f < frames; f++)
        {
            var (_, next) = model.Stream(Clip(batch, 1, height, width), state);
            state.Dispose();
            state = next;
        }

        state.Dispose();
    }

    private static Tensor Clip(long batch, long frames, long height, long width) =>
        zeros(new[] { batch, 3, frames, height, width });
}
