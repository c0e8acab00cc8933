using OpenCvSharp;

namespace MovinetExp.Data.Video;

/// <summary>
/// Turns one decoded BGR 8-bit frame into the model's RGB float [0, 1] frame, like the tutorial's
/// <c>format_frames</c> (convert_image_dtype, then resize_with_pad) followed by its BGR-&gt;RGB flip.
/// Not thread-safe: it reuses scratch images; use one per thread.
/// </summary>
public sealed class FrameResizer : IDisposable
{
    private readonly FrameFormat _format;
    private readonly Mat _asFloat = new();
    private readonly Mat _resized = new();

    public FrameResizer(FrameFormat format) => _format = format;

    public FrameFormat Format => _format;

    /// <summary>
    /// Writes the fitted frame into <paramref name="destination"/> (Height * Width * 3 floats, HWC RGB).
    /// Scaling to float happens before the resize, as in the tutorial, so interpolation works on
    /// unrounded values. OpenCV's INTER_LINEAR uses half-pixel centres and clamps at the border, the
    /// same as TF2's bilinear <c>tf.image.resize</c> (half_pixel_centers=True, no antialias).
    /// </summary>
    public void Convert(Mat bgr, Span<float> destination)
    {
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"expected a non-empty 8-bit 3-channel BGR image, got {bgr.Type()} {bgr.Width}x{bgr.Height}", nameof(bgr));
        if (destination.Length != _format.FrameLength)
            throw new ArgumentException($"destination holds {destination.Length} floats, frame needs {_format.FrameLength}", nameof(destination));

        var layout = ResizeLayout.For(bgr.Height, bgr.Width, _format);
        bgr.ConvertTo(_asFloat, MatType.CV_32FC3, 1.0 / 255.0);
        Mat scaled = _asFloat;
        if (layout.ResizedHeight != bgr.Height || layout.ResizedWidth != bgr.Width)
        {
            Cv2.Resize(_asFloat, _resized, new Size(layout.ResizedWidth, layout.ResizedHeight), 0, 0, InterpolationFlags.Linear);
            scaled = _resized;
        }

        destination.Clear();
        WriteWindowAsRgb(scaled, layout, destination);
    }

    /// <summary>
    /// Converts the layout's window of <paramref name="bgr"/> to RGB straight into its place in
    /// <paramref name="destination"/> (OpenCV writes through a header on the span, row stride = the
    /// output's width): the same values as converting to a temporary image and copying it (a channel
    /// swap is a pure permutation), one float pass fewer, and native speed in any build.
    /// </summary>
    private unsafe void WriteWindowAsRgb(Mat bgr, ResizeLayout layout, Span<float> destination)
    {
        fixed (float* output = destination)
        {
            var at = (IntPtr)(output + ((long)layout.Top * _format.Width + layout.Left) * 3);
            using var target = Mat.FromPixelData(layout.CopyHeight, layout.CopyWidth, MatType.CV_32FC3, at, (long)_format.Width * 3 * sizeof(float));
            using var window = new Mat(bgr, new Rect(layout.SourceLeft, layout.SourceTop, layout.CopyWidth, layout.CopyHeight));
            Cv2.CvtColor(window, target, ColorConversionCodes.BGR2RGB);
            // OpenCV reallocates a destination of the wrong size or type instead of failing: make sure it wrote here.
            if (target.Data != at) throw new InvalidOperationException("OpenCV did not write the frame in place");
        }
    }

    public void Dispose()
    {
        _asFloat.Dispose();
        _resized.Dispose();
    }
}
