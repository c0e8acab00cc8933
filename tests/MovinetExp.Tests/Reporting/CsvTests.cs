using MovinetExp.IO;

namespace MovinetExp.Tests.Reporting;

public class CsvTests
{
    [Fact]
    public void QuotesOnlyWhenNeeded()
    {
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n", Csv.FormatRow(["plain", "a,b", "say \"hi\"", "two\nlines"]));
    }

    [Fact]
    public void ParseInvertsFormat_AndIgnoresBlankLinesAndCr()
    {
        string[][] rows = [["h1", "h2", ""], ["a,b", "say \"hi\"", "two\nlines"], ["", "x", "y"]];
        string text = string.Concat(rows.Select(r => Csv.FormatRow(r))).Replace("h2,\n", "h2,\r\n") + "\n";
        Assert.Equal(rows, Csv.Parse(text));
    }

    [Fact]
    public void UnclosedQuote_Throws()
    {
        Assert.Throws<FormatException>(() => Csv.Parse("a,\"b\n"));
    }
}
