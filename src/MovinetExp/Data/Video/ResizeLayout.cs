namespace MovinetExp.Data.Video;

/// <summary>
/// Where a resized image lands in the output: the image is resized to ResizedHeight x ResizedWidth,
/// then the window starting at (SourceTop, SourceLeft) of it is copied to (Top, Left) of the output
/// with size CopyHeight x CopyWidth; the rest of the output is zero.
/// </summary>
public sealed record ResizeLayout(
    int ResizedHeight, int ResizedWidth, int Top, int Left, int SourceTop, int SourceLeft, int CopyHeight, int CopyWidth)
{
    /// <summary>
    /// <c>tf.image.resize_with_pad</c>'s arithmetic, in float32 as TF does it: ratio = max(w / tw, h / th);
    /// resized = floor(size / ratio); pad before = max(0, floor((target - size / ratio) / 2)), which uses
    /// the unrounded resized size, so odd slack puts the extra row or column after the image.
    /// </summary>
    public static ResizeLayout Pad(int height, int width, int targetHeight, int targetWidth)
    {
        float fh = height, fw = width, fth = targetHeight, ftw = targetWidth;
        float ratio = Math.Max(fw / ftw, fh / fth);
        float resizedHeightF = fh / ratio, resizedWidthF = fw / ratio;
        int resizedHeight = (int)MathF.Floor(resizedHeightF);
        int resizedWidth = (int)MathF.Floor(resizedWidthF);
        int top = Math.Max(0, (int)MathF.Floor((fth - resizedHeightF) / 2));
        int left = Math.Max(0, (int)MathF.Floor((ftw - resizedWidthF) / 2));
        // Guard against a float result one pixel over the target; TF would fail, we clip.
        resizedHeight = Math.Clamp(resizedHeight, 1, targetHeight);
        resizedWidth = Math.Clamp(resizedWidth, 1, targetWidth);
        return new ResizeLayout(resizedHeight, resizedWidth, top, left, 0, 0,
            Math.Min(resizedHeight, targetHeight - top), Math.Min(resizedWidth, targetWidth - left));
    }

    /// <summary>
    /// Short side to the target: scale = max(th / h, tw / w), resized = max(target, round(size * scale)),
    /// then the centre window (floor of half the excess) is kept.
    /// </summary>
    public static ResizeLayout Crop(int height, int width, int targetHeight, int targetWidth)
    {
        double scale = Math.Max((double)targetHeight / height, (double)targetWidth / width);
        int resizedHeight = Math.Max(targetHeight, (int)Math.Round(height * scale, MidpointRounding.AwayFromZero));
        int resizedWidth = Math.Max(targetWidth, (int)Math.Round(width * scale, MidpointRounding.AwayFromZero));
        return new ResizeLayout(resizedHeight, resizedWidth, 0, 0,
            (resizedHeight - targetHeight) / 2, (resizedWidth - targetWidth) / 2, targetHeight, targetWidth);
    }

    /// <summary>The layout for <paramref name="format"/>'s mode.</summary>
    public static ResizeLayout For(int height, int width, FrameFormat format) => format.Mode switch
    {
        ResizeMode.Pad => Pad(height, width, format.Height, format.Width),
        ResizeMode.Crop => Crop(height, width, format.Height, format.Width),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format.Mode, null),
    };
}
