using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// float64 sums over the elementwise products of two [B,C,T,H,W] tensors, taken one [C,H,W] slice at a
/// time. Whole-tensor products would allocate temporaries as large as a layer's activations, and on
/// the machines this runs on the first touch of fresh memory costs ~2.5 ms per MB (page faults): most
/// of a first run's start-up check, where slices reuse the same few freed blocks. Each product is
/// rounded to float32 (relative error 6e-8) before it is summed in float64, far inside the check's
/// tolerance.
/// </summary>
internal static class InnerProducts
{
    /// <summary>Σ a·(b − bias) and Σ (a·(b − bias))², with <paramref name="bias"/> per channel (axis 1).</summary>
    public static (double Sum, double SumOfSquares) Of(Tensor a, Tensor b, Tensor? bias = null)
    {
        if (a.dim() != 5 || !a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"Expected two [B,C,T,H,W] tensors of one shape, got [{string.Join(",", a.shape)}] and [{string.Join(",", b.shape)}].");
        using var noGrad = no_grad();
        // Weights are small and have many slices (one per output channel): one pass over the whole.
        if (a.numel() <= SmallEnough) return Sums(a, b, bias?.detach().view(1, -1, 1, 1, 1));
        var channelBias = bias?.detach().view(-1, 1, 1);
        double sum = 0, squares = 0;
        for (long item = 0; item < a.shape[0]; item++)
        for (long frame = 0; frame < a.shape[2]; frame++)
        {
            var (s, q) = Sums(a.select(0, item).select(1, frame), b.select(0, item).select(1, frame), channelBias);
            sum += s;
            squares += q;
        }

        return (sum, squares);
    }

    private const long SmallEnough = 1 << 18;

    private static (double Sum, double SumOfSquares) Sums(Tensor a, Tensor b, Tensor? bias)
    {
        using var scope = NewDisposeScope();
        var product = a.mul(bias is null ? b : b.sub(bias));
        return (product.sum(type: float64).item<double>(), product.mul(product).sum(type: float64).item<double>());
    }
}
