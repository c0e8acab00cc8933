namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// One tensor's index entry (<c>BundleEntryProto</c>): where its bytes are and how to check them.
/// (Record equality compares <see cref="Shape"/> by reference, as for any array.)
/// </summary>
/// <param name="Key">Tensor name, e.g. <c>model/layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE</c>.</param>
/// <param name="DType">Element type.</param>
/// <param name="Shape">Dimensions, outermost first; empty for a scalar.</param>
/// <param name="ShardId">Which <c>.data-SSSSS-of-NNNNN</c> file holds the bytes.</param>
/// <param name="Offset">Byte offset in that file.</param>
/// <param name="Size">Number of bytes.</param>
/// <param name="MaskedCrc32C">Masked CRC-32C of the bytes, as stored in the index.</param>
/// <param name="SliceCount">Number of partitioned slices (0 for an ordinary tensor; sliced tensors are not readable here).</param>
public sealed record TensorEntry(
    string Key, DType DType, long[] Shape, int ShardId, long Offset, long Size, uint MaskedCrc32C, int SliceCount = 0)
{
    /// <summary>Number of elements (1 for a scalar).</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long dim in Shape) count = checked(count * dim);
            return count;
        }
    }

    internal static TensorEntry Decode(string key, ReadOnlySpan<byte> value)
    {
        DType dtype = DType.Invalid;
        long[] shape = [];
        int shardId = 0, slices = 0;
        long offset = 0, size = 0;
        uint crc = 0;
        var reader = new ProtoReader(value);
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireType.Varint): dtype = (DType)reader.ReadInt32(); break;
                case (2, WireType.LengthDelimited): shape = DecodeShape(reader.ReadLengthDelimited()); break;
                case (3, WireType.Varint): shardId = reader.ReadInt32(); break;
                case (4, WireType.Varint): offset = reader.ReadInt64(); break;
                case (5, WireType.Varint): size = reader.ReadInt64(); break;
                case (6, WireType.Fixed32): crc = reader.ReadFixed32(); break;
                case (7, WireType.LengthDelimited): reader.ReadLengthDelimited(); slices++; break;
                default: reader.Skip(wire); break;
            }
        }
        if (shardId < 0 || offset < 0 || size < 0 || Array.Exists(shape, d => d < 0))
            throw new InvalidDataException(
                $"entry '{key}' has a negative shard ({shardId}), offset ({offset}), size ({size}) or dimension");
        long elements = 1;
        foreach (long dim in shape)
        {
            // Keeps ElementCount free of overflow for every decoded entry.
            if (dim != 0 && elements > long.MaxValue / dim)
                throw new InvalidDataException($"entry '{key}' has shape [{string.Join(", ", shape)}], too many elements to exist");
            elements *= dim;
        }
        return new TensorEntry(key, dtype, shape, shardId, offset, size, crc, slices);
    }

    /// <summary>Encodes as TensorFlow does: ascending fields, zero shard/offset/size omitted, shape and CRC always present.</summary>
    internal byte[] Encode()
    {
        if (SliceCount != 0)
            throw new InvalidOperationException($"sliced entry '{Key}' cannot be re-encoded: its slice descriptions are not kept");
        var shape = new ProtoWriter();
        foreach (long dim in Shape)
        {
            var dimMessage = new ProtoWriter();
            if (dim != 0) dimMessage.Int64(1, dim); // a zero-sized dim is an empty Dim message in proto3
            shape.Message(2, dimMessage);
        }
        var entry = new ProtoWriter();
        if (DType != DType.Invalid) entry.Int64(1, (int)DType);
        entry.Message(2, shape);
        if (ShardId != 0) entry.Int64(3, ShardId);
        if (Offset != 0) entry.Int64(4, Offset);
        if (Size != 0) entry.Int64(5, Size);
        entry.Fixed32(6, MaskedCrc32C);
        return entry.ToArray();
    }

    private static long[] DecodeShape(ReadOnlySpan<byte> bytes)
    {
        var dims = new List<long>();
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == 2 && wire == WireType.LengthDelimited) dims.Add(DecodeDimSize(reader.ReadLengthDelimited()));
            else reader.Skip(wire); // unknown_rank (3) never appears for a saved tensor
        }
        return [.. dims];
    }

    private static long DecodeDimSize(ReadOnlySpan<byte> bytes)
    {
        long size = 0;
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == 1 && wire == WireType.Varint) size = reader.ReadInt64();
            else reader.Skip(wire);
        }
        return size;
    }
}
