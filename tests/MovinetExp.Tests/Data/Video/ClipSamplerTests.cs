using MovinetExp.Common;
using MovinetExp.Data.Video;

namespace MovinetExp.Tests.Data.Video;

public class ClipSamplerTests
{
    [Fact]
    public void NeedLengthIsTheTutorialFormula()
    {
        Assert.Equal(106, new ClipSampling(8, 15).NeedLength); // 1 + 7 * 15
        Assert.Equal(1, new ClipSampling(1, 5).NeedLength);
    }

    [Fact]
    public void InvalidSamplingIsASpecError()
    {
        Assert.Throws<UsageException>(() => new ClipSampling(0, 1));
        Assert.Throws<UsageException>(() => new ClipSampling(4, 0));
    }

    [Fact]
    public void RandomStartIsZeroWhenTheVideoIsShorterThanTheClip()
    {
        var sampling = new ClipSampling(8, 15);
        Assert.Equal(0, ClipSampler.RandomStart(105, sampling, new Random(3)).Start);
    }

    [Fact]
    public void RandomStartCoversPythonRandintRangeIncludingOnePastMaxStart()
    {
        // length 10, need 5 -> max_start 5; random.randint(0, max_start + 1) draws 0..6 inclusive.
        var sampling = new ClipSampling(3, 2);
        var rng = new Random(1);
        var seen = new HashSet<int>();
        for (int i = 0; i < 2000; i++) seen.Add(ClipSampler.RandomStart(10, sampling, rng).Start);
        Assert.Equal(Enumerable.Range(0, 7), seen.Order());
    }

    [Fact]
    public void RandomStartAtExactFitCanStillOverrunByOneLikeTheTutorial()
    {
        // need == length -> max_start 0 -> start in {0, 1}; start 1 puts the last frame at index 5 == length.
        var sampling = new ClipSampling(3, 2);
        var starts = Enumerable.Range(0, 200).Select(s => ClipSampler.RandomStart(5, sampling, new Random(s)).Start).ToHashSet();
        Assert.Equal([0, 1], starts.Order());
        Assert.Equal(5, new ClipPlan(1, sampling).LastIndex);
    }

    [Fact]
    public void CentredStartSplitsTheSlack()
    {
        var sampling = new ClipSampling(3, 2); // need 5
        Assert.Equal(2, ClipSampler.CentredStart(10, sampling).Start); // slack 5 -> 2
        Assert.Equal(3, ClipSampler.CentredStart(11, sampling).Start); // slack 6 -> 3
        Assert.Equal(0, ClipSampler.CentredStart(4, sampling).Start);
    }

    [Fact]
    public void EvenlySpacedClipsRunFromFirstToLastPossibleStart()
    {
        var sampling = new ClipSampling(3, 2); // need 5
        Assert.Equal([0, 7, 15], ClipSampler.EvenlySpaced(20, sampling, 3).Select(p => p.Start));
        Assert.Equal([7], ClipSampler.EvenlySpaced(20, sampling, 1).Select(p => p.Start));
        Assert.Equal([0, 0], ClipSampler.EvenlySpaced(3, sampling, 2).Select(p => p.Start));
        Assert.Equal(19, ClipSampler.EvenlySpaced(20, sampling, 3)[^1].LastIndex);
    }

    [Fact]
    public void PlanFramesAreStartPlusMultiplesOfTheStep()
    {
        var plan = new ClipPlan(4, new ClipSampling(3, 15));
        Assert.Equal([4, 19, 34], Enumerable.Range(0, 3).Select(plan.FrameIndex));
    }

    [Fact]
    public void KeyedRandomDependsOnEveryPartOfTheKeyAndNothingElse()
    {
        Assert.Equal(SamplingRandom.SeedFor(7, 2, 13), SamplingRandom.SeedFor(7, 2, 13));
        var seeds = new[]
        {
            SamplingRandom.SeedFor(7, 2, 13), SamplingRandom.SeedFor(8, 2, 13),
            SamplingRandom.SeedFor(7, 3, 13), SamplingRandom.SeedFor(7, 2, 14),
        };
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.Equal(SamplingRandom.For(1, 1, 1).Next(), SamplingRandom.For(1, 1, 1).Next());
    }
}
