using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// Recomputes the moving statistics of every batch norm in a model as the plain average over a set of
/// batches run through the final weights ("precise BN"). With Keras' momentum 0.99 the moving averages
/// trail the weights by ~100 steps, so after a short fine-tuning run they describe an older network and
/// inference-mode outputs are wrong; averaging over fresh batches removes that lag.
/// </summary>
public static class BatchNormStatistics
{
    /// <param name="model">Any module containing MoViNet batch norms (a classifier or a backbone).</param>
    /// <param name="batches">Inputs to forward; each is disposed after use.</param>
    /// <returns>The number of batches averaged.</returns>
    public static int Recompute(nn.Module<Tensor, Tensor> model, IEnumerable<Tensor> batches)
    {
        var norms = model.modules().OfType<TfBatchNorm>().ToList();
        if (norms.Count == 0) return 0;
        var saved = norms.Select(n => n.Momentum).ToArray();
        bool wasTraining = model.training;
        int count = 0;
        try
        {
            foreach (var norm in norms) norm.ResetStatistics();
            model.eval();
            foreach (var norm in norms) norm.train();
            using var noGrad = no_grad();
            foreach (var input in batches)
            {
                using var scope = NewDisposeScope();
                // Momentum 1/(k+1) at the k-th batch makes the moving value the mean of all batches so far.
                foreach (var norm in norms) norm.Momentum = 1.0 / (count + 1);
                model.forward(input);
                input.Dispose();
                count++;
            }
        }
        finally
        {
            for (int i = 0; i < norms.Count; i++) norms[i].Momentum = saved[i];
            model.train(wasTraining);
        }
        return count;
    }
}
