using MovinetExp.Common;
using MovinetExp.Reporting;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Reporting;

public class HistoryLogTests
{
    private static readonly HistoryRow Epoch1 = new(1, 0.5, 0.25, null, null, 0.001, 12.5);
    // 0.1 + 0.2 is the classic value whose short forms ("0.3") do not round-trip.
    private static readonly HistoryRow Epoch2 = new(2, 0.1 + 0.2, 0.5, 0.4, 0.75, 0.0005, 13);

    [Fact]
    public void Append_WritesHeaderAndRoundTripNumbers_AfterEachEpoch()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv");
        var log = HistoryLog.Open(path);

        log.Append(Epoch1);
        Assert.Equal("epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds,peak_rss_mb_train,peak_rss_mb_bn_recompute,peak_rss_mb_eval\n" +
                     "1,0.5,0.25,,,0.001,12.5,,,\n", File.ReadAllText(path));
        log.Append(Epoch2);
        Assert.EndsWith("\n2,0.30000000000000004,0.5,0.4,0.75,0.0005,13,,,\n", File.ReadAllText(path));

        Assert.Equal([Epoch1, Epoch2], HistoryLog.Read(path));
    }

    [Fact]
    public void Open_ResumesExistingFile_AndTruncateDropsLaterEpochs()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv");
        var first = HistoryLog.Open(path);
        first.Append(Epoch1);
        first.Append(Epoch2);

        var resumed = HistoryLog.Open(path);
        Assert.Equal(2, resumed.Rows.Count);
        resumed.TruncateAfter(1);
        resumed.Append(Epoch2 with { TrainLoss = 0.2 });

        Assert.Equal([Epoch1, Epoch2 with { TrainLoss = 0.2 }], HistoryLog.Read(path));
    }

    [Fact]
    public void PeakMemoryOfEachPhaseIsWrittenAfterTheOlderColumnsAndReadBack()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv");
        var row = Epoch2 with { PeakRssMbTrain = 2245.5, PeakRssMbBnRecompute = 1890.2, PeakRssMbEval = null };

        HistoryLog.Open(path).Append(row);

        Assert.EndsWith("\n2,0.30000000000000004,0.5,0.4,0.75,0.0005,13,2245.5,1890.2,\n", File.ReadAllText(path));
        Assert.Equal([row], HistoryLog.Read(path));
    }

    [Fact]
    public void FileWrittenBeforeTheMemoryColumnsReadsAndResumesIntoTheNewLayout()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv");
        File.WriteAllText(path, "epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds\n1,0.5,0.25,,,0.001,12.5\n");

        Assert.Equal([Epoch1], HistoryLog.Read(path)); // memory unknown: null
        var resumed = HistoryLog.Open(path);
        resumed.Append(Epoch2 with { PeakRssMbTrain = 700 });

        Assert.Equal([Epoch1, Epoch2 with { PeakRssMbTrain = 700 }], HistoryLog.Read(path));
        Assert.StartsWith("epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds,peak_rss_mb_train,", File.ReadAllText(path));
    }

    [Fact]
    public void Append_RejectsOutOfOrderEpochs()
    {
        var log = HistoryLog.Open(Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv"));
        log.Append(Epoch1);
        Assert.Throws<ArgumentException>(() => log.Append(Epoch1));
        Assert.Throws<ArgumentException>(() => log.Append(Epoch2 with { Epoch = 3 }));
    }

    [Fact]
    public void IdenticalRows_GiveIdenticalBytes()
    {
        string a = Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv");
        string b = Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv");
        foreach (string path in new[] { a, b })
        {
            var log = HistoryLog.Open(path);
            log.Append(Epoch1);
            log.Append(Epoch2);
        }
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void Read_ReportsFileLineAndColumnOfBadValues()
    {
        string path = Path.Combine(TestPaths.NewScratchFolder("history"), "history.csv");
        File.WriteAllText(path, "epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds\n1,abc,0.25,,,0.001,1\n");
        var ex = Assert.Throws<DataException>(() => HistoryLog.Read(path));
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("train_loss", ex.Message);

        File.WriteAllText(path, "epoch,loss\n");
        Assert.Throws<DataException>(() => HistoryLog.Read(path));
    }
}
