namespace MovinetExp.Native;

/// <summary>Where tensors live, as asked for: the spec's <c>train.device</c> and the CLI's <c>--device</c>.</summary>
public enum DeviceKind
{
    /// <summary>CUDA when the engine has it and a GPU is usable, else the CPU.</summary>
    Auto,

    /// <summary>The CPU, even when a GPU is there.</summary>
    Cpu,

    /// <summary>CUDA, or an error when it cannot be used (never a silent fallback to the CPU).</summary>
    Cuda,
}
