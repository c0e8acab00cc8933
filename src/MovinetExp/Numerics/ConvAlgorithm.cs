namespace MovinetExp.Numerics;

/// <summary>
/// The ways this project can compute a convolution on the CPU. They differ in which native code runs:
/// that matters because oneDNN 3.7.1 (LibTorch 2.10) returns wrong results for some problems (README,
/// "Correct numbers on every CPU"), so each problem is routed to an algorithm whose result was checked.
/// </summary>
public enum ConvAlgorithm
{
    /// <summary>LibTorch's conv3d: on the CPU oneDNN picks the kernel (cuDNN on CUDA).</summary>
    LibTorch,

    /// <summary>LibTorch's conv3d on an NCDHW (contiguous) copy of the input: oneDNN's other kernel family.</summary>
    LibTorchContiguous,

    /// <summary>A pointwise convolution as one matrix product over channels-last rows ([B·T·H·W, Cin] ×
    /// [Cin, Cout]): LibTorch's CPU BLAS (MKL sgemm), no oneDNN convolution kernel.</summary>
    Gemm,

    /// <summary>A depthwise convolution on LibTorch's kernels except backward-data: the input gradient is a
    /// forward convolution of the output gradient with the flipped kernel (<see cref="FlippedKernelDepthwise"/>).</summary>
    FlippedKernel,

    /// <summary>The convolution spelled out as a sum over kernel taps of shifted input slices (depthwise:
    /// multiply-adds; dense: the taps stacked into channels, then <see cref="Gemm"/>). Only elementwise
    /// kernels and the BLAS; slower, and the fallback when the others fail the check.</summary>
    Taps,
}
