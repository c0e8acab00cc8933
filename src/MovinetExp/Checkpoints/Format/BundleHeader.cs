namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// The index's header entry (key ""): <c>BundleHeaderProto</c> with the shard count, the byte order
/// of the tensor data and the format version.
/// </summary>
/// <param name="NumShards">Number of <c>.data-*</c> files.</param>
/// <param name="IsBigEndian">True if tensor data is big-endian (endianness = BIG).</param>
/// <param name="Producer">Format version that wrote the bundle (1 for every TF release).</param>
/// <param name="MinConsumer">Oldest reader version allowed to read it.</param>
/// <param name="BadConsumers">Reader versions explicitly disallowed.</param>
public sealed record BundleHeader(int NumShards, bool IsBigEndian, int Producer, int MinConsumer, IReadOnlyList<int> BadConsumers)
{
    /// <summary>The format version this library implements, checked against MinConsumer/BadConsumers.</summary>
    public const int ConsumerVersion = 1;

    /// <summary>What TensorFlow writes for a single-shard little-endian bundle.</summary>
    public static BundleHeader SingleShard { get; } = new(1, false, 1, 0, []);

    internal static BundleHeader Decode(ReadOnlySpan<byte> value)
    {
        int numShards = 0, producer = 0, minConsumer = 0;
        bool bigEndian = false;
        var badConsumers = new List<int>();
        var reader = new ProtoReader(value);
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireType.Varint): numShards = reader.ReadInt32(); break;
                case (2, WireType.Varint): bigEndian = reader.ReadVarint() == 1; break;
                case (3, WireType.LengthDelimited): DecodeVersion(reader.ReadLengthDelimited(), ref producer, ref minConsumer, badConsumers); break;
                default: reader.Skip(wire); break;
            }
        }
        return new BundleHeader(numShards, bigEndian, producer, minConsumer, badConsumers);
    }

    internal byte[] Encode()
    {
        var version = new ProtoWriter();
        if (Producer != 0) version.Int64(1, Producer);
        if (MinConsumer != 0) version.Int64(2, MinConsumer);
        foreach (int bad in BadConsumers) version.Int64(3, bad);
        var header = new ProtoWriter();
        if (NumShards != 0) header.Int64(1, NumShards);
        if (IsBigEndian) header.Varint(2, 1);
        return header.Message(3, version).ToArray();
    }

    private static void DecodeVersion(ReadOnlySpan<byte> bytes, ref int producer, ref int minConsumer, List<int> badConsumers)
    {
        var reader = new ProtoReader(bytes);
        while (reader.TryReadTag(out int field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireType.Varint): producer = reader.ReadInt32(); break;
                case (2, WireType.Varint): minConsumer = reader.ReadInt32(); break;
                case (3, WireType.Varint): badConsumers.Add(reader.ReadInt32()); break;
                case (3, WireType.LengthDelimited):
                    var packed = new ProtoReader(reader.ReadLengthDelimited());
                    // Packed repeated int32: a bare run of varints with no tags.
                    DecodePacked(ref packed, badConsumers);
                    break;
                default: reader.Skip(wire); break;
            }
        }
    }

    private static void DecodePacked(ref ProtoReader reader, List<int> values)
    {
        while (reader.HasMore) values.Add(reader.ReadInt32());
    }
}
