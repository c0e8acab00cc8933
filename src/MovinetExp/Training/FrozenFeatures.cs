using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Training;

/// <summary>
/// Pooled backbone features of a set of clips, computed once. With the backbone frozen (no gradients,
/// batch norm in inference mode) and a fixed sampling of each clip, these features are exactly what
/// every later epoch would compute again, so training the head on them gives the same result at the
/// cost of the head alone.
/// </summary>
public sealed class FrozenFeatures
{
    private FrozenFeatures(float[][] rows, int[] labels)
    {
        Rows = rows;
        Labels = labels;
    }

    /// <summary>One feature vector per clip, in the order the clips were given.</summary>
    public float[][] Rows { get; }

    public int[] Labels { get; }

    public int Width => Rows.Length == 0 ? 0 : Rows[0].Length;

    /// <param name="backbone">Maps a clip batch [B,3,T,H,W] to pooled features [B,P] (any trailing singleton dims are flattened).</param>
    public static FrozenFeatures Compute(nn.Module<Tensor, Tensor> backbone, IEnumerable<Batch> clipBatches, Device device,
        IProgress<int>? clipsDone, CancellationToken cancellation)
    {
        backbone.eval();
        var rows = new List<float[]>();
        var labels = new List<int>();
        using var noGrad = no_grad();
        foreach (var batch in clipBatches)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var features = backbone.forward(batch.InputTensor(device)).flatten(1).to(CPU).to_type(float32);
            int width = (int)features.shape[1];
            float[] flat = features.data<float>().ToArray();
            for (int r = 0; r < batch.Size; r++) rows.Add(flat.AsSpan(r * width, width).ToArray());
            labels.AddRange(batch.Labels);
            clipsDone?.Report(rows.Count);
        }
        return new FrozenFeatures(rows.ToArray(), labels.ToArray());
    }

    /// <summary>The features as mini-batches in the given example order (a shuffled permutation for training).</summary>
    public IEnumerable<Batch> Batches(IReadOnlyList<int> order, int batchSize)
    {
        for (int start = 0; start < order.Count; start += batchSize)
        {
            int size = Math.Min(batchSize, order.Count - start);
            var inputs = new float[size * Width];
            var labels = new int[size];
            for (int i = 0; i < size; i++)
            {
                int row = order[start + i];
                Rows[row].CopyTo(inputs, i * Width);
                labels[i] = Labels[row];
            }
            yield return new Batch(inputs, [size, Width], labels);
        }
    }
}
