using MovinetExp.Checkpoints.Format;

namespace MovinetExp.Tests.Checkpoints.Format;

public class ProtoWireTests
{
    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(1UL, new byte[] { 0x01 })]
    [InlineData(127UL, new byte[] { 0x7f })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(181UL, new byte[] { 0xb5, 0x01 })] // offset 181 in the format notes' example entry
    [InlineData(300UL, new byte[] { 0xac, 0x02 })]
    [InlineData(ulong.MaxValue, new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 })]
    public void VarintsEncodeAndDecodeKnownBytes(ulong value, byte[] bytes)
    {
        var buffer = new byte[Varint.MaxLength64];
        Assert.Equal(bytes, buffer[..Varint.Encode(value, buffer)]);
        int position = 0;
        Assert.Equal(value, Varint.Read(bytes, ref position));
        Assert.Equal(bytes.Length, position);
    }

    [Fact]
    public void TruncatedAndOverlongVarintsAreInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => { int p = 0; Varint.Read([0x80, 0x80], ref p); });
        Assert.Throws<InvalidDataException>(() => { int p = 0; Varint.Read(Enumerable.Repeat((byte)0xff, 11).ToArray(), ref p); });
    }

    [Fact]
    public void ReaderSkipsUnknownFieldsOfEveryWireType()
    {
        byte[] message = new ProtoWriter()
            .Varint(9, 12345)
            .Fixed32(10, 0xdeadbeef)
            .Bytes(11, [1, 2, 3])
            .String(2, "kept")
            .ToArray();
        // Splice in an unknown fixed64 field (field 12, wire type 1) by hand: the writer never emits one.
        message = [.. message, 12 << 3 | 1, 1, 2, 3, 4, 5, 6, 7, 8, 1 << 3, 42];

        var reader = new ProtoReader(message);
        string? kept = null;
        ulong? last = null;
        while (reader.TryReadTag(out int field, out var wire))
        {
            if (field == 2) kept = reader.ReadString();
            else if (field == 1) last = reader.ReadVarint();
            else reader.Skip(wire);
        }
        Assert.Equal("kept", kept);
        Assert.Equal(42UL, last);
    }

    [Fact]
    public void LengthPastTheEndIsInvalidData()
    {
        byte[] message = [2 << 3 | 2, 10, 1, 2];
        Assert.Throws<InvalidDataException>(() =>
        {
            var reader = new ProtoReader(message);
            reader.TryReadTag(out _, out _);
            reader.ReadLengthDelimited();
        });
    }

    [Fact]
    public void BundleEntryEncodingMatchesTheFormatNotesExample()
    {
        // "net/l1/kernel" entry: 08 01 | 12 08 12 02 08 01 12 02 08 05 | 20 d9 01 | 28 14 | 35 fd f1 55 cb
        byte[] expected = Convert.FromHexString("08011208120208011202080520d90128143" + "5fdf155cb");
        var entry = new TensorEntry("net/l1/kernel/.ATTRIBUTES/VARIABLE_VALUE", DType.Float, [1, 5], 0, 217, 20, 0xcb55f1fd);
        Assert.Equal(expected, entry.Encode());
        Assert.Equal(entry with { Shape = [] }, TensorEntry.Decode(entry.Key, expected) with { Shape = [] });
        Assert.Equal([1L, 5L], TensorEntry.Decode(entry.Key, expected).Shape);
    }

    [Fact]
    public void HeaderEncodingMatchesEveryFixture() =>
        Assert.Equal(Convert.FromHexString("08011a020801"), BundleHeader.SingleShard.Encode());
}
