using System.Text;
using MovinetExp.Checkpoints.Format;

namespace MovinetExp.Tests.Checkpoints.Format;

public class SeparatorKeysTests
{
    [Theory]
    [InlineData("step/.ATTRIBUTES/VARIABLE_VALUE", "t")]
    [InlineData("b", "c")]
    [InlineData("optimizer/learning_rate/.ATTRIBUTES/VARIABLE_VALUE", "p")] // fixture 3's index key
    public void ShortSuccessorIncrementsTheFirstByte(string key, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(SeparatorKeys.ShortSuccessor(Encoding.ASCII.GetBytes(key))));

    [Fact]
    public void ShortSuccessorSkipsFFBytesAndKeepsAllFF()
    {
        Assert.Equal(new byte[] { 0xff, 0x02 }, SeparatorKeys.ShortSuccessor([0xff, 0x01, 0x07]));
        Assert.Equal(new byte[] { 0xff, 0xff }, SeparatorKeys.ShortSuccessor([0xff, 0xff]));
    }

    [Theory]
    [InlineData("the quick brown fox", "the who", "the r")] // LevelDB's own example
    [InlineData("abc", "abd", "abc")]                         // incremented byte would equal the limit's
    [InlineData("ab", "abc", "ab")]                           // a prefix of the limit stays
    [InlineData("a/kernel", "b/bias", "a/kernel")]            // 'a'+1 == 'b' is not below the limit
    [InlineData("a/kernel", "c", "b")]
    public void ShortestSeparator(string start, string limit, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(
            SeparatorKeys.ShortestSeparator(Encoding.ASCII.GetBytes(start), Encoding.ASCII.GetBytes(limit))));
}
