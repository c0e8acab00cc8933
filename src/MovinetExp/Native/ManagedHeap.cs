using System.Runtime;

namespace MovinetExp.Native;

/// <summary>
/// Returns the .NET heap's garbage between the phases of training. Clips and batches are large arrays
/// (2.8 MB per clip of 8 frames at 172 px, 23 MB per batch of 8) on the large-object heap, which the GC
/// sweeps only in full collections, and allocation alone triggers those late: in A0 full fine-tuning at
/// 172 px the .NET heap grew 70 -> 511 MiB by the third epoch, on top of LibTorch's peak. One blocking,
/// compacting collection per phase costs milliseconds against seconds of training.
/// Call it only from the thread that runs LibTorch, between its calls: a collection started there cannot
/// free a TorchSharp temporary that a native call is using (see <see cref="NativeCallGate"/>).
/// </summary>
public static class ManagedHeap
{
    public static void CollectGarbage()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
