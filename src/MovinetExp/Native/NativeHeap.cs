using System.Runtime.InteropServices;

namespace MovinetExp.Native;

/// <summary>
/// Tunes glibc's allocator for LibTorch. MoViNet's early activations are tens of megabytes (A0 at
/// 224 px, batch 8: 77 MB per tensor); glibc serves such blocks with fresh <c>mmap</c>s and unmaps
/// them on free, so every layer output pays page faults on memory the kernel has just zeroed. Serving
/// them from the heap and keeping freed memory (no trimming) lets the next forward pass reuse it:
/// measured on A0 inference, 13.7 -> 25 clips/s on 2 cores. Memory then stays at its peak instead of
/// going up and down, which the training loop's flat-memory check sees as flat.
/// Set <c>MOVINET_MALLOC_TUNING=0</c> to keep glibc's defaults.
/// </summary>
public static partial class NativeHeap
{
    private const int TrimThreshold = -1;  // M_TRIM_THRESHOLD: free memory above this is returned to the OS
    private const int MmapMax = -4;        // M_MMAP_MAX: how many blocks may be served by mmap (0 = none)

    /// <summary>
    /// Applies the tuning once per process; true when glibc accepted it. Harmless elsewhere (other C
    /// libraries or operating systems): returns false and changes nothing.
    /// </summary>
    public static bool KeepFreedMemoryForReuse()
    {
        if (Environment.GetEnvironmentVariable("MOVINET_MALLOC_TUNING") == "0" || !OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(MmapMax, 0) == 1 && mallopt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Bytes malloc has handed out and bytes it holds free (kept for reuse), over all arenas and mmapped
    /// blocks; null where glibc's <c>mallinfo2</c> (2.33+) is not available.
    /// </summary>
    public static (long InUse, long Free)? Usage()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var info = mallinfo2();
            return ((long)(info.uordblks + info.hblkhd), (long)info.fordblks);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "mallinfo2")]
    private static partial MallInfo2 mallinfo2();

    /// <summary>glibc's <c>struct mallinfo2</c>: every field a size_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena;    // non-mmapped space allocated from the system
        public nuint ordblks;  // free chunks
        public nuint smblks;   // free fastbin blocks
        public nuint hblks;    // mmapped regions
        public nuint hblkhd;   // space in mmapped regions
        public nuint usmblks;  // unused
        public nuint fsmblks;  // space in freed fastbin blocks
        public nuint uordblks; // total allocated space
        public nuint fordblks; // total free space
        public nuint keepcost; // top-most releasable space
    }
}
