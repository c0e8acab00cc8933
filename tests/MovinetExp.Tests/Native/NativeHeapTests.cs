using MovinetExp.Native;
using static TorchSharp.torch;

namespace MovinetExp.Tests.Native;

public class NativeHeapTests
{
    [Fact]
    public void GlibcAcceptsTheTuningAndTensorsStillWork()
    {
        // These machines run glibc: the tuning must be applied, not silently skipped.
        Assert.True(NativeHeap.KeepFreedMemoryForReuse());
        Assert.True(NativeHeap.KeepFreedMemoryForReuse()); // idempotent
        using var scope = NewDisposeScope();
        for (int i = 0; i < 3; i++)
        {
            var big = ones(new long[] { 4, 1024, 1024 }); // 16 MB: above glibc's default mmap threshold
            Assert.Equal(4.0 * 1024 * 1024, big.sum().item<float>());
        }
    }
}
