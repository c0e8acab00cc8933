using System.Runtime.InteropServices;
using MovinetExp.Native;

namespace MovinetExp.Tests.Native;

/// <summary>
/// Peaks of a stretch of work, sampled without touching the kernel's process-wide peak (which `time -v` and
/// getrusage report). Alone in its collection: it reads the whole test process's resident size.
/// </summary>
[Collection(ResidentMemoryCollection.Name)]
public class ResidentPeakSamplerTests
{
    private const long Block = 256L << 20;

    [Fact]
    public void PeakBetweenTwoCallsIncludesMemoryAlreadyFreedAndTheProcessPeakIsLeftAlone()
    {
        using var sampler = ResidentPeakSampler.Start();
        long before = sampler.TakePeak();
        long processPeakBefore = ProcessMemory.PeakResidentBytes();

        IntPtr block = Marshal.AllocHGlobal((IntPtr)Block);
        try
        {
            Touch(block);
            Thread.Sleep(1000); // many sampling intervals: the sampler sees the block while it is resident
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
        long peak = sampler.TakePeak();

        Assert.True(peak - before > Block * 3 / 4, $"peak {peak >> 20} MiB, {before >> 20} MiB before a {Block >> 20} MiB block");
        Assert.True(ProcessMemory.PeakResidentBytes() >= processPeakBefore); // VmHWM is never reset
    }

    /// <summary>Writes one byte per page, so that every page of the block becomes resident.</summary>
    private static void Touch(IntPtr block)
    {
        for (int offset = 0; offset < Block; offset += 4096) Marshal.WriteByte(block, offset, 1);
    }
}

/// <summary>Tests that read the process's resident size, run alone after the parallel collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResidentMemoryCollection
{
    public const string Name = "resident memory";
}
