using MovinetExp.Numerics;

namespace MovinetExp.Tests.Numerics;

/// <summary>Hand-made convolution problems covering every kind, layout and padding the models use.</summary>
internal static class ConvProblems
{
    public static ConvProblem Make(long inChannels, long outChannels, long groups, (long T, long H, long W) input,
        (long T, long H, long W) kernel, long stride = 1, (long T, long H, long W) padding = default, bool bias = false,
        bool channelsLast = true, ConvPass pass = ConvPass.Forward, long batch = 2) =>
        new(batch, inChannels, outChannels, groups, new Dims3(input.T, input.H, input.W),
            new Dims3(kernel.T, kernel.H, kernel.W), new Dims3(1, stride, stride),
            new Dims3(padding.T, padding.H, padding.W), bias, channelsLast, pass, TorchSharp.torch.get_num_threads());

    /// <summary>Pointwise (with and without bias, both layouts), depthwise 3-D / spatial / temporal,
    /// strided and padded, the dense stem, and a two-group dense convolution.</summary>
    public static TheoryData<string> Names => new()
    {
        "pointwise", "pointwise-bias-contiguous", "depthwise-3x3x3", "depthwise-1x5x5-s2", "depthwise-5x1x1-causal",
        "stem-1x3x3-s2", "dense-3x3x3-padded-bias", "grouped-2",
    };

    public static ConvProblem Named(string name, ConvPass pass) => name switch
    {
        "pointwise" => Make(24, 40, 1, (4, 7, 7), (1, 1, 1), pass: pass),
        "pointwise-bias-contiguous" => Make(16, 8, 1, (3, 5, 5), (1, 1, 1), bias: true, channelsLast: false, pass: pass),
        "depthwise-3x3x3" => Make(12, 12, 12, (4, 6, 6), (3, 3, 3), padding: (1, 1, 1), pass: pass),
        "depthwise-1x5x5-s2" => Make(8, 8, 8, (3, 11, 11), (1, 5, 5), stride: 2, bias: true, pass: pass),
        "depthwise-5x1x1-causal" => Make(10, 10, 10, (8, 4, 4), (5, 1, 1), pass: pass),
        "stem-1x3x3-s2" => Make(3, 8, 1, (4, 17, 17), (1, 3, 3), stride: 2, pass: pass),
        "dense-3x3x3-padded-bias" => Make(4, 6, 1, (5, 6, 6), (3, 3, 3), padding: (1, 1, 1), bias: true, pass: pass),
        "grouped-2" => Make(6, 4, 2, (3, 5, 5), (1, 3, 3), padding: (0, 1, 1), pass: pass),
        _ => throw new ArgumentException(name),
    };
}
