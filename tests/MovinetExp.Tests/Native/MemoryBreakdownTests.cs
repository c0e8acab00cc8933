using System.Runtime.InteropServices;
using MovinetExp.Native;

namespace MovinetExp.Tests.Native;

/// <summary>
/// The run log's memory breakdown tells memory in use from memory malloc keeps: a block shows up as in use
/// while it is held and as kept (not in use) once freed. Alone in its collection: it reads process-wide figures.
/// </summary>
[Collection(ResidentMemoryCollection.Name)]
public class MemoryBreakdownTests
{
    private const long Block = 64L << 20;

    [Fact]
    public void AHeldBlockIsInUseAndAFreedOneIsNot()
    {
        long inUseBefore = NativeHeap.Usage()!.Value.InUse;
        IntPtr block = Marshal.AllocHGlobal((IntPtr)Block);
        long inUseHeld;
        try
        {
            inUseHeld = MemoryBreakdown.Now().NativeInUseBytes!.Value;
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
        long inUseAfter = NativeHeap.Usage()!.Value.InUse;

        Assert.True(inUseHeld - inUseBefore >= Block, $"in use {inUseBefore >> 20} -> {inUseHeld >> 20} MiB with a {Block >> 20} MiB block");
        Assert.True(inUseHeld - inUseAfter >= Block * 3 / 4, $"in use {inUseHeld >> 20} -> {inUseAfter >> 20} MiB after freeing it");
        Assert.Contains("freed but kept by malloc", MemoryBreakdown.Now().ToString());
    }
}
