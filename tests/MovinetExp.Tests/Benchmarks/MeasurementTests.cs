using MovinetExp.Benchmarks;

namespace MovinetExp.Tests.Benchmarks;

public class MeasurementTests
{
    [Fact]
    public void OddCountTakesTheMiddleValueWhateverTheOrder()
    {
        var m = Measurement.From("infer_224", "clips/s", [9.0, 3.0, 7.0, 1.0, 5.0], 2, 3 * 1048576L, "setup");
        Assert.Equal((5.0, 1.0, 9.0, 5), (m.Median, m.Min, m.Max, m.Repetitions));
        Assert.Equal(3.0, m.PeakRssMb);
    }

    [Fact]
    public void EvenCountAveragesTheTwoMiddleValuesAndRounds()
    {
        // sorted 1, 2, 4.0001234, 10 -> (2 + 4.0001234) / 2 = 3.0000617, rounded to three decimals;
        // 1.23456 MiB rounds to one decimal.
        var m = Measurement.From("stream_frame", "ms/frame", [10.0, 2.0, 1.0, 4.0001234], 1, (long)(1.23456 * 1048576), "setup");
        Assert.Equal((3.0, 1.0, 10.0), (m.Median, m.Min, m.Max));
        Assert.Equal(1.2, m.PeakRssMb);
    }
}
