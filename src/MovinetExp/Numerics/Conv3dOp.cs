using static TorchSharp.torch;

namespace MovinetExp.Numerics;

/// <summary>
/// The one place where the models compute a 3-D convolution: <c>conv3d(x, weight, bias, stride, padding,
/// groups)</c>, on the CPU through the algorithm <see cref="ConvRouter"/> chose and checked for this problem
/// (CUDA goes to cuDNN unchanged).
/// </summary>
public static class Conv3dOp
{
    public static Tensor Apply(Tensor x, Tensor weight, Tensor? bias, long[] stride, long[] padding, long groups)
    {
        if (x.device.type != TorchSharp.DeviceType.CPU)
            return nn.functional.conv3d(x, weight, bias, stride, padding, groups: groups);
        var problem = ConvProblem.Of(x, weight, bias, stride, padding, groups);
        return ConvAlgorithms.Run(ConvRouter.Choose(problem), x, weight, bias, problem);
    }
}
