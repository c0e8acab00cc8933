using TorchSharp;

namespace MovinetExp.Native;

/// <summary>Picks where tensors live: CUDA when a CUDA build of LibTorch sees a GPU, else the CPU.</summary>
public static class ComputeDevice
{
    public static torch.Device Select(DeviceKind requested)
    {
        switch (requested)
        {
            case DeviceKind.Cpu:
                return torch.CPU;
            case DeviceKind.Cuda:
                if (!torch.cuda.is_available())
                    throw new Common.UsageException(
                        "The device 'cuda' was asked for (train.device in a spec, --device on the command line) but no CUDA device is " +
                        "usable: this build uses the CPU LibTorch (TorchSharp-cpu) or no GPU is present. Ask for auto or cpu, or install a " +
                        "CUDA build (README, 'CPU and CUDA').");
                return torch.CUDA;
            case DeviceKind.Auto:
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            default:
                throw new ArgumentOutOfRangeException(nameof(requested), requested, null);
        }
    }

    /// <summary>Sets LibTorch's intra-op thread count; 0 keeps LibTorch's default (one per core).</summary>
    public static int ConfigureThreads(int threads)
    {
        if (threads > 0) torch.set_num_threads(threads);
        return torch.get_num_threads();
    }
}
