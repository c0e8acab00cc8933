using MovinetExp.Models;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Models;

/// <summary>
/// Moves a freshly built model away from its initial values so numerical tests exercise every path:
/// ReZero and positional-encoding scales start at 0 (which would switch off every residual branch
/// and the encoding), BN starts as the identity. Random kernels with made-up BN statistics blow
/// activations up to infinity within a few layers, so the statistics are instead measured on a
/// calibration clip, normally the test clip itself (build the model with BatchNormMomentum = 1 so one training pass sets them).
/// </summary>
internal static class ModelPerturbation
{
    public static MovinetOptions Calibratable(MovinetOptions options) => options with { BatchNormMomentum = 1.0 };

    public static void Apply(MovinetClassifier model, long seed, Tensor calibration)
    {
        var generator = new Generator((ulong)seed);
        using (no_grad())
        {
            foreach (var v in model.TfVariables())
            {
                using var scope = NewDisposeScope();
                var shape = v.Tensor.shape;
                if (v.Path.EndsWith("/scale")) v.Tensor.copy_(rand(shape, generator: generator).mul(0.5).add(0.5));
                else if (v.Path.EndsWith("/gamma")) v.Tensor.copy_(rand(shape, generator: generator).mul(0.5).add(0.75));
                else if (v.Path.EndsWith("/beta") || v.Path.EndsWith("/bias"))
                    v.Tensor.copy_(randn(shape, generator: generator).mul(0.1));
            }
        }

        model.train();
        using (no_grad()) model.forward(calibration).Dispose();
        model.eval();
    }
}
