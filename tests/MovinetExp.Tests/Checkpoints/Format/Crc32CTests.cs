using System.Text;
using MovinetExp.Checkpoints.Format;

namespace MovinetExp.Tests.Checkpoints.Format;

public class Crc32CTests
{
    [Fact]
    public void StandardCheckValue() => Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void EmptyInputIsZero() => Assert.Equal(0u, Crc32C.Compute([]));

    [Fact]
    public void MaskedValuesFromTheFormatNotes()
    {
        Assert.Equal(0xd62874dau, Crc32C.Mask(Crc32C.Compute([0x0c, 0, 0, 0])));
        Assert.Equal(0x6F71ED74u, Crc32C.Mask(Crc32C.Compute([0xcc, 0x18, 0x5b, 0x3e]))); // fixture 8, tensor W
        Assert.Equal(0xb0a1f2c0u, BlockTrailer.MaskedCrc([0, 0, 0, 0, 1, 0, 0, 0], 0));  // trailer 00 c0 f2 a1 b0
    }

    [Fact]
    public void ExtendEqualsCrcOfConcatenationForEverySplit()
    {
        byte[] data = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog, twice over.");
        uint whole = Crc32C.Compute(data);
        for (int split = 0; split <= data.Length; split++)
            Assert.Equal(whole, Crc32C.Extend(Crc32C.Compute(data.AsSpan(0, split)), data.AsSpan(split)));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xE3069283u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0xA282EAD8u)]
    public void UnmaskInvertsMask(uint crc)
    {
        Assert.Equal(crc, Crc32C.Unmask(Crc32C.Mask(crc)));
        Assert.NotEqual(crc, Crc32C.Mask(crc));
    }
}
