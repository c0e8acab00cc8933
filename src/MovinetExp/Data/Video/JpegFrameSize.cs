using System.Buffers.Binary;

namespace MovinetExp.Data.Video;

/// <summary>
/// The frame size a JPEG image declares, read from its start-of-frame header without decoding: what
/// libjpeg would allocate for it. Used on Motion-JPEG packets before they are decoded (see <see cref="FrameSizeLimit"/>).
/// </summary>
internal static class JpegFrameSize
{
    /// <summary>Width and height from the first SOFn segment, or null when none comes before the image data (not a JPEG we can size).</summary>
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> jpeg)
    {
        // SOI, then segments: FF, marker, 2-byte big-endian length (counting itself), payload.
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return null;
        int pos = 2;
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF) return null;
            byte marker = jpeg[pos + 1];
            if (marker == 0xFF) { pos++; continue; } // fill byte
            if (marker == 0xDA || marker == 0xD9) return null; // image data or end before any frame header
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(pos + 2)..]);
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (pos + 9 > jpeg.Length || length < 7) return null;
                return (BinaryPrimitives.ReadUInt16BigEndian(jpeg[(pos + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(jpeg[(pos + 5)..]));
            }
            if (length < 2) return null;
            pos += 2 + length;
        }
        return null;
    }
}
