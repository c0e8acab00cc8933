using MovinetExp.Common;
using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Video;
using MovinetExp.Tests.Data.Video;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Loading;

public class ClipLoaderTests
{
    private static ClipLoaderOptions Options(int workers = 3) =>
        new(LoaderFixtures.Sampling, LoaderFixtures.Format, BatchSize: 4) { Seed = 21, Workers = workers, Prefetch = 2 };

    [Fact]
    public void BatchesHoldTheKeyedClipsOfEachItemInListOrder()
    {
        var items = LoaderFixtures.Items;
        var batches = new ClipLoader(items, Options()).Epoch(0).ToList();

        Assert.Equal([4, 4, 1], batches.Select(b => b.Count));
        Assert.Equal(items, batches.SelectMany(b => b.Items));
        Assert.Equal(items.Select(i => i.Label), batches.SelectMany(b => b.Labels));

        var reader = new VideoClipReader(LoaderFixtures.Sampling, LoaderFixtures.Format);
        int index = 0;
        foreach (var batch in batches)
        {
            Assert.Equal(batch.Count * 3 * 32 * 32 * 3, batch.Pixels.Length);
            for (int b = 0; b < batch.Count; b++, index++)
            {
                var expected = reader.Read(items[index].Path, ClipStart.Random, SamplingRandom.SeedFor(21, 0, index));
                Assert.Equal(expected.Start, batch.Starts[b]);
                Assert.True(expected.Pixels.AsSpan().SequenceEqual(batch.Clip(b)), $"item {index}");
            }
        }
    }

    [Fact]
    public void EpochsAreReproducibleWhateverTheNumberOfWorkers()
    {
        var one = new ClipLoader(LoaderFixtures.Items, Options(workers: 1)).Epoch(1).ToList();
        var three = new ClipLoader(LoaderFixtures.Items, Options(workers: 3)).Epoch(1).ToList();
        Assert.Equal(one.SelectMany(b => b.Pixels), three.SelectMany(b => b.Pixels));

        var epoch2 = new ClipLoader(LoaderFixtures.Items, Options()).Epoch(2).ToList();
        Assert.NotEqual(one.SelectMany(b => b.Starts), epoch2.SelectMany(b => b.Starts));
    }

    [Fact]
    public void ShuffleGivesASeededPermutationPerEpoch()
    {
        var loader = new ClipLoader(LoaderFixtures.Items, Options() with { Shuffle = true });
        var epoch0 = loader.Epoch(0).SelectMany(b => b.Items).ToList();
        var epoch0Again = loader.Epoch(0).SelectMany(b => b.Items).ToList();
        var epoch1 = loader.Epoch(1).SelectMany(b => b.Items).ToList();
        Assert.Equal(epoch0, epoch0Again);
        Assert.NotEqual(epoch0, epoch1);
        Assert.Equal(LoaderFixtures.Items.OrderBy(i => i.Path), epoch1.OrderBy(i => i.Path));
    }

    [Fact]
    public void BadVideosAreSkippedAndReportedOrFailTheEpoch()
    {
        string dir = TestPaths.NewScratchFolder("loader-bad");
        string truncated = Path.Combine(dir, "truncated.avi");
        byte[] real = File.ReadAllBytes(RealVideos.Ucf101Avi);
        File.WriteAllBytes(truncated, real[..(real.Length / 3)]);
        string garbage = Path.Combine(dir, "garbage.avi");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 20_000).Select(i => (byte)(i * 31 % 253)).ToArray());

        var items = LoaderFixtures.Items.Take(3)
            .Append(new VideoItem(truncated, 0, "move_left"))
            .Concat(LoaderFixtures.Items.Skip(3).Take(2))
            .Append(new VideoItem(garbage, 1, "move_right"))
            .ToList();

        var reported = new List<BadVideo>();
        var loader = new ClipLoader(items, Options() with { OnBadVideo = BadVideoPolicy.Skip }, bad => { lock (reported) reported.Add(bad); });
        var loaded = loader.Epoch(0).SelectMany(b => b.Items).ToList();

        Assert.Equal(LoaderFixtures.Items.Take(5), loaded);
        Assert.Equal([garbage, truncated], reported.Select(r => r.Path).Order());
        Assert.Contains("truncated", reported.Single(r => r.Path == truncated).Reason);
        Assert.Equal(2, loader.Skipped.Count);

        var strict = new ClipLoader(items, Options());
        var error = Assert.Throws<DataException>(() => strict.Epoch(0).ToList());
        Assert.Contains(truncated, error.Message);
    }

    [Fact]
    public void EvaluationOptionsGiveCentredClipsThatDoNotChangeBetweenEpochs()
    {
        var loader = new ClipLoader(LoaderFixtures.Items, ClipLoaderOptions.ForEvaluation(LoaderFixtures.Sampling, LoaderFixtures.Format, 4));
        var epoch0 = loader.Epoch(0).ToList();
        var epoch5 = loader.Epoch(5).ToList();
        // 14 frames, need 5: slack 9 -> centred start 4.
        Assert.All(epoch0.SelectMany(b => b.Starts), start => Assert.Equal(4, start));
        Assert.Equal(epoch0.SelectMany(b => b.Pixels), epoch5.SelectMany(b => b.Pixels));
        Assert.Equal(LoaderFixtures.Items, epoch5.SelectMany(b => b.Items));
    }

    [Fact]
    public void MultiClipBatchesHoldEachVideosEvenlySpacedClipsTogether()
    {
        var options = ClipLoaderOptions.ForEvaluation(LoaderFixtures.Sampling, LoaderFixtures.Format, 2) with { ClipsPerVideo = 3 };
        var batches = new ClipLoader(LoaderFixtures.Items.Take(3).ToList(), options).Epoch(0).ToList();

        Assert.Equal([6, 3], batches.Select(b => b.Count));
        Assert.Equal([2, 1], batches.Select(b => b.VideoCount));
        // 14 frames, need 5: max start 9 -> starts 0, 4, 9 for every video.
        Assert.Equal([0, 4, 9, 0, 4, 9, 0, 4, 9], batches.SelectMany(b => b.Starts));
        Assert.Equal(LoaderFixtures.Items.Take(3).SelectMany(i => Enumerable.Repeat(i, 3)), batches.SelectMany(b => b.Items));

        var reader = new VideoClipReader(LoaderFixtures.Sampling, LoaderFixtures.Format);
        var secondVideoMiddle = reader.Read(LoaderFixtures.Items[1].Path, new ClipPlan(4, LoaderFixtures.Sampling));
        Assert.True(secondVideoMiddle.Pixels.AsSpan().SequenceEqual(batches[0].Clip(4)));
    }

    [Fact]
    public void StoppingEarlyCancelsTheRestQuietly()
    {
        var loader = new ClipLoader(LoaderFixtures.Items, Options() with { BatchSize = 1, Prefetch = 1 });
        var first = loader.Epoch(0).First();
        Assert.Equal(LoaderFixtures.Items[0], first.Items[0]);
    }

    [Fact]
    public void InvalidOptionsAreSpecErrors()
    {
        Assert.Throws<UsageException>(() => new ClipLoader(LoaderFixtures.Items, Options() with { Workers = 0 }));
        Assert.Throws<UsageException>(() => new ClipLoader(LoaderFixtures.Items, Options() with { BatchSize = 0 }));
    }
}
