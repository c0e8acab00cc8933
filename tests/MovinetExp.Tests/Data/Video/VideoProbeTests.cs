using MovinetExp.Data.Video;

namespace MovinetExp.Tests.Data.Video;

public class VideoProbeTests
{
    [Fact]
    public void TreeAviShowsBothTheReportedAndTheDecodableCount()
    {
        var info = VideoProbe.Inspect(RealVideos.Tree);
        Assert.Equal("cvid", info.FourCC);
        Assert.Equal((444, 68), (info.ReportedFrames, info.DecodableFrames));
        Assert.Equal((320, 240), (info.Width, info.Height));
        Assert.Equal(15.0, info.Fps, 2);
        Assert.Equal(68 / 15.0, info.DurationSeconds, 2);
    }

    [Fact]
    public void RawStreamHasNoReportedCountButDecodes()
    {
        var info = VideoProbe.Inspect(RealVideos.RawStream);
        Assert.Equal(0, info.ReportedFrames);
        Assert.Equal(101, info.DecodableFrames);
        Assert.Equal((340, 256), (info.Width, info.Height));
        // No fps assertion: a raw stream has no container timing and FFmpeg's guess here (25) differs from ffprobe's 29.97.
    }

    [Fact]
    public void FourCCIsLittleEndianWithUnprintableBytesSpelledOut()
    {
        Assert.Equal("XVID", VideoProbe.FourCCText(0x44495658));
        Assert.Equal("[0][0][0][0]", VideoProbe.FourCCText(0));
    }
}
