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
        CopyWindowAsRgb(scaled, layout, destination);
    }

    /// <summary>
    /// Copies the layout's window with the channels swapped to RGB on the way: the same values a BGR2RGB
    /// conversion gives (a pure permutation), without a third pass over a float image.
    /// </summary>
    private void CopyWindowAsRgb(Mat bgr, ResizeLayout layout, Span<float> destination)
    {
        int rowFloats = layout.CopyWidth * 3;
        for (int y = 0; y < layout.CopyHeight; y++)
        {
            ReadOnlySpan<float> sourceRow = RowSpan(bgr, layout.SourceTop + y).Slice(layout.SourceLeft * 3, rowFloats);
            var targetRow = destination.Slice(((layout.Top + y) * _format.Width + layout.Left) * 3, rowFloats);
            for (int x = 0; x < rowFloats; x += 3)
            {
                targetRow[x] = sourceRow[x + 2];
                targetRow[x + 1] = sourceRow[x + 1];
                targetRow[x + 2] = sourceRow[x];
            }
        }
    }

    private static unsafe ReadOnlySpan<float> RowSpan(Mat image, int row) =>
        new((void*)image.Ptr(row), image.Width * 3);

    public void Dispose()
    {
        _asFloat.Dispose();
        _resized.Dispose();
    }
}
