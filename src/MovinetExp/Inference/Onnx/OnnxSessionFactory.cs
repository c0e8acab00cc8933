using Microsoft.ML.OnnxRuntime;
using MovinetExp.Common;
using MovinetExp.Native;

namespace MovinetExp.Inference.Onnx;

/// <summary>
/// Opens ONNX Runtime sessions on the requested device. The tool ships the CPU build of ONNX Runtime
/// (Microsoft.ML.OnnxRuntime); built with the GPU package instead (README, "Deploying a trained model") the CUDA
/// execution provider is present, and `auto` uses it when a GPU is usable, falling back to the CPU otherwise.
/// </summary>
public static class OnnxSessionFactory
{
    private const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>The ONNX Runtime version in use (e.g. "1.32.0").</summary>
    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    /// <param name="threads">Intra-op threads; 0 = ONNX Runtime's default (one per core).</param>
    /// <returns>The session and where it computes ("cpu" or "cuda").</returns>
    /// <exception cref="UsageException">cuda was asked for and cannot be used.</exception>
    /// <exception cref="CheckpointException">The file is missing or not an ONNX model ONNX Runtime can load.</exception>
    public static (InferenceSession Session, string Device) Open(string path, DeviceKind device, int threads = 0)
    {
        if (!File.Exists(path))
            throw new CheckpointException($"--onnx {path}: no such file. Export one with `dotnet movinet export RUN_DIR --format onnx -o {Path.GetFileName(path)}`.");
        var options = new SessionOptions();
        try
        {
            if (threads > 0) options.IntraOpNumThreads = threads;
            string used = UseCuda(options, device) ? "cuda" : "cpu";
            return (new InferenceSession(path, options), used);
        }
        catch (OnnxRuntimeException e)
        {
            throw new CheckpointException($"--onnx {path}: ONNX Runtime cannot load it ({e.Message.Trim()}). Pass a .onnx file written by `dotnet movinet export`.", e);
        }
        finally
        {
            // The session keeps what it needs from the options.
            options.Dispose();
        }
    }

    private static bool UseCuda(SessionOptions options, DeviceKind device)
    {
        if (device == DeviceKind.Cpu) return false;
        bool built = OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider);
        if (!built)
        {
            if (device == DeviceKind.Cuda)
                throw new UsageException("--device cuda: this build of the tool has the CPU-only ONNX Runtime (Microsoft.ML.OnnxRuntime). " +
                    "Use --device auto or cpu, or build the tool with the GPU package (README, \"Deploying a trained model\").");
            return false;
        }
        try
        {
            options.AppendExecutionProvider_CUDA(0);
            return true;
        }
        catch (OnnxRuntimeException e) when (device == DeviceKind.Auto)
        {
            // The GPU package without a usable GPU (or CUDA libraries): auto means the CPU then.
            _ = e;
            return false;
        }
        catch (OnnxRuntimeException e)
        {
            throw new UsageException($"--device cuda: ONNX Runtime's CUDA provider cannot start ({e.Message.Trim()}). Check the GPU driver and CUDA/cuDNN libraries, or use --device cpu.", e);
        }
    }
}
