using MovinetExp.Common;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Lists a checkpoint's tensors with dtype, shape and the sum of their values — a fingerprint to
/// compare against TensorFlow's own reading. Every tensor's bytes are read and CRC-checked, those without
/// a sum (strings, the object graph, variants) too; a tensor whose bytes cannot be read (missing shard,
/// CRC mismatch) is reported as unavailable instead of failing the whole listing.
/// </summary>
public static class CheckpointInspector
{
    /// <summary>Opens the checkpoint (any form <see cref="TensorBundleReader.Open"/> accepts) and summarises every tensor.</summary>
    /// <exception cref="CheckpointException">The checkpoint cannot be found or its index is unreadable.</exception>
    public static CheckpointListing Inspect(string pathOrPrefix)
    {
        using var reader = TensorBundleReader.Open(pathOrPrefix);
        return Inspect(reader);
    }

    public static CheckpointListing Inspect(TensorBundleReader reader) =>
        new(reader.Prefix, reader.Entries.Select(entry => Summarize(reader, entry)).ToList());

    private static TensorSummary Summarize(TensorBundleReader reader, TensorEntry entry)
    {
        string dtype = entry.DType.Name();
        try
        {
            // Strings, variants and complex numbers have no sum, but a corrupt one must still be reported.
            if (entry.DType.ElementSize() is null || entry.DType is DType.Complex64 or DType.Complex128)
            {
                reader.VerifyChecksum(entry.Key);
                return new TensorSummary(entry.Key, dtype, entry.Shape, null);
            }
            double sum = 0;
            foreach (double value in reader.ReadAsDoubles(entry.Key)) sum += value;
            return new TensorSummary(entry.Key, dtype, entry.Shape, sum);
        }
        catch (CheckpointException ex)
        {
            return new TensorSummary(entry.Key, dtype, entry.Shape, null, "unavailable: " + ex.Message);
        }
    }
}
