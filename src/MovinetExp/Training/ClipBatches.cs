using MovinetExp.Data.Loading;

namespace MovinetExp.Training;

/// <summary>Adapts the data loader's decoded clip batches to training batches.</summary>
public static class ClipBatches
{
    public static Batch ToBatch(ClipBatch clips) =>
        new(clips.Pixels, [clips.Items.Length, clips.Frames, clips.Height, clips.Width, 3], clips.Labels);

    public static IEnumerable<Batch> Epoch(ClipLoader loader, int epoch, CancellationToken cancellation) =>
        loader.Epoch(epoch, cancellation).Select(ToBatch);
}
