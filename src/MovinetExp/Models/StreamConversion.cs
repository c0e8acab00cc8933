using static TorchSharp.torch;

namespace MovinetExp.Models;

/// <summary>
/// TF's tools/convert_3d_2plus1d.py in C#: stream models are trained with `3d_2plus1d` convolutions
/// (Conv3D kernels 1×h×w then t×1×1) and released as `2plus1d` (Conv2D/DepthwiseConv2D, reshaped
/// activations). The two compute the same function; the kernels differ only in layout: drop the singleton
/// axis, and swap the last two axes of depthwise kernels (../shared/design/movinet-architecture.md §9.5).
/// </summary>
public static class StreamConversion
{
    /// <summary>A `2plus1d` model with the weights of <paramref name="trained"/> (a `3d_2plus1d` model).</summary>
    public static MovinetClassifier ToTwoPlusOneD(MovinetClassifier trained)
    {
        if (trained.Options.ConvType != ConvType.Conv3dTwoPlusOneD)
            throw new Common.UsageException($"Only 3d_2plus1d models convert to 2plus1d; this model uses {trained.Options.ConvType}.");
        var released = new MovinetClassifier(trained.Options with { ConvType = ConvType.TwoPlusOneD });
        var source = trained.TfVariables();
        var target = released.TfVariables();
        for (int i = 0; i < source.Count; i++)
        {
            using var scope = NewDisposeScope();
            var shape = source[i].TfShape.ToList();
            // Spatial [1,h,w,Cin,Cout] loses its leading axis, temporal [t,1,1,Cin,Cout] a middle one.
            if (shape.Count == 5) shape.RemoveAt(shape[0] == 1 ? 0 : 1);
            var values = tensor(source[i].ToTfValues()).reshape(shape.ToArray());
            if (target[i].Path.EndsWith("depthwise_kernel", StringComparison.Ordinal)) values = values.permute(0, 1, 3, 2);
            if (!values.shape.SequenceEqual(target[i].TfShape))
                throw new InvalidOperationException($"conversion of {source[i].Path} gave [{string.Join(",", values.shape)}], expected [{string.Join(",", target[i].TfShape)}] for {target[i].Path}");
            target[i].CopyFromTf(values.contiguous().data<float>().ToArray());
        }
        return released;
    }
}
