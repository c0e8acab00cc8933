using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// What decides which native convolution kernels run here: the CPU and its vector instruction sets, the
/// oneDNN version inside LibTorch, the <c>ONEDNN_MAX_CPU_ISA</c> cap (read by oneDNN once, when it first
/// runs) and the thread count.
/// </summary>
public sealed record KernelEnvironment(string CpuModel, string InstructionSets, string? IsaCap, string OneDnnVersion,
    string LibTorchVersion, int Threads)
{
    public static KernelEnvironment Current() => new(ReadCpuModel(), ReadInstructionSets(), Cap(),
        ReadOneDnnVersion(), __version__, get_num_threads());

    /// <summary>Whether oneDNN may use its AVX-512 kernels here: the CPU has AVX-512 and no cap below it.</summary>
    public static bool HasAvx512Kernels { get; } = ComputeHasAvx512Kernels();

    private static bool ComputeHasAvx512Kernels()
    {
        var current = new KernelEnvironment(ReadCpuModel(), ReadInstructionSets(), Cap(), "", "", 0);
        bool cpu = current.InstructionSets.Split(' ').Contains("avx512f");
        string? cap = current.IsaCap?.Trim().ToUpperInvariant();
        return cpu && (string.IsNullOrEmpty(cap) || cap == "ALL" || cap.StartsWith("AVX512", StringComparison.Ordinal)
            || cap.StartsWith("AVX10", StringComparison.Ordinal));
    }

    private static string? Cap() =>
        Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA") ?? Environment.GetEnvironmentVariable("DNNL_MAX_CPU_ISA");

    public override string ToString() => $"{Kernels}, {Threads} thread{(Threads == 1 ? "" : "s")}";

    /// <summary>Everything but the thread count (which each convolution problem records itself).</summary>
    public string Kernels =>
        $"{CpuModel} ({InstructionSets}); oneDNN {OneDnnVersion} in LibTorch {LibTorchVersion}, " +
        $"ONEDNN_MAX_CPU_ISA {(IsaCap ?? "not set")}";

    private static string ReadCpuModel() =>
        CpuInfoLines().FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? "unknown CPU";

    /// <summary>The vector extensions oneDNN chooses kernels by, widest first (x86-64 only).</summary>
    private static string ReadInstructionSets()
    {
        var flags = CpuInfoLines().FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal))?.Split(':', 2)[1]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet() ?? new HashSet<string>();
        string[] known = { "amx_tile", "avx512_bf16", "avx512_vnni", "avx512bw", "avx512f", "avx_vnni", "avx2", "avx", "sse4_1" };
        var present = known.Where(flags.Contains).ToArray();
        return present.Length == 0 ? "instruction sets unknown" : string.Join(" ", present);
    }

    private static IEnumerable<string> CpuInfoLines()
    {
        try { return File.ReadLines("/proc/cpuinfo").Take(64).ToArray(); }
        catch (IOException) { return Array.Empty<string>(); }
        catch (UnauthorizedAccessException) { return Array.Empty<string>(); }
    }

    /// <summary>
    /// at::get_mkldnn_version(), a C++ function returning std::string, called through its mangled name in
    /// the libtorch_cpu already loaded by TorchSharp (x86-64 SysV: the string is returned through a hidden
    /// pointer to 32 bytes; libstdc++'s layout is {char* data, size_t length, ...}). The string is leaked
    /// once. Any failure gives "unknown": this is for reports, never for decisions.
    /// </summary>
    private static unsafe string ReadOneDnnVersion()
    {
        try
        {
            string? library = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 6 && f[^1].EndsWith("/libtorch_cpu.so", StringComparison.Ordinal))
                .Select(f => f[^1]).FirstOrDefault();
            if (library is null || !RuntimeInformation.ProcessArchitecture.Equals(Architecture.X64)) return "unknown";
            var handle = NativeLibrary.Load(library);
            if (!NativeLibrary.TryGetExport(handle, "_ZN2at18get_mkldnn_versionB5cxx11Ev", out var function)) return "unknown";
            byte* result = stackalloc byte[32];
            ((delegate* unmanaged<byte*, void>)function)(result);
            string text = Marshal.PtrToStringUTF8(*(IntPtr*)result, (int)*(long*)(result + 8));
            // "Intel(R) oneAPI Deep Neural Network Library (oneDNN) v3.7.1 (Git Hash ...)" → "v3.7.1 (Git Hash ...)".
            int at = text.IndexOf(" v", StringComparison.Ordinal);
            return at >= 0 ? text[(at + 1)..] : text;
        }
        catch (Exception e) when (e is IOException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return "unknown";
        }
    }
}
