namespace MovinetExp.Checkpoints.Format;

/// <summary>One key/value pair of an SSTable (keys are raw bytes, compared as unsigned bytes).</summary>
internal sealed record TableEntry(byte[] Key, byte[] Value);
