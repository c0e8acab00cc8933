using System.Globalization;

namespace MovinetExp.Native;

/// <summary>
/// Where resident memory is: the .NET heap (clips and batches on their way to LibTorch), memory malloc has
/// handed out (LibTorch's tensors, OpenCV), and memory freed to malloc but kept by it for reuse (what
/// <see cref="NativeHeap"/>'s tuning keeps on purpose, and fragmentation); the rest is code, stacks and
/// mapped files. Null native figures where glibc's mallinfo2 is not available. For the run log, to tell a
/// leak (in-use grows) from memory kept for reuse (free grows).
/// </summary>
public sealed record MemoryBreakdown(long ResidentBytes, long ManagedHeapBytes, long? NativeInUseBytes, long? NativeFreeBytes)
{
    public static MemoryBreakdown Now()
    {
        var native = NativeHeap.Usage();
        return new MemoryBreakdown(ProcessMemory.ResidentBytes(), GC.GetGCMemoryInfo().HeapSizeBytes, native?.InUse, native?.Free);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"resident {Mib(ResidentBytes)} MiB: .NET heap {Mib(ManagedHeapBytes)}, malloc in use {Mib(NativeInUseBytes)}, freed but kept by malloc {Mib(NativeFreeBytes)}");

    private static string Mib(long? bytes) => bytes is long b ? (b / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "?";
}
