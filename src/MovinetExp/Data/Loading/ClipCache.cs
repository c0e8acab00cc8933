using System.Numerics.Tensors;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using MovinetExp.Common;
using MovinetExp.Data.Video;

namespace MovinetExp.Data.Loading;

/// <summary>
/// On-disk cache of decoded, resized clips, one binary file per (video version, sampling, frame format,
/// start frame): a 32-byte header (magic, T, H, W, start, decoded frames) followed by T*H*W*3 float16
/// values, little-endian. Float16 halves the size of float32 and its rounding (at most 2.4e-4 for
/// values in [0, 1]) is far below one 8-bit grey level of the source; <see cref="Store"/> rounds the
/// clip it is given in place so a cold read returns exactly what a warm read will. Also keeps each
/// video's decodable length so a warm run opens no video at all. Files are written to a temporary
/// name and renamed, so parallel workers and interrupted runs never leave a half-written entry.
/// </summary>
public sealed class ClipCache
{
    private static ReadOnlySpan<byte> Magic => "MVCLIP01"u8;
    private const int HeaderBytes = 32;

    public ClipCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"Cannot create the clip cache folder {Directory}: {e.Message}. Choose a writable cache folder.", e);
        }
    }

    public string Directory { get; }

    /// <summary>The cache key of one clip: a hash of everything that determines its pixels.</summary>
    public static string KeyFor(FileIdentity video, ClipSampling sampling, FrameFormat format, int start) =>
        FileHashes.Sha256(System.Text.Encoding.UTF8.GetBytes(
            $"clip-v2|{video.Key}|{sampling.Frames}|{sampling.FrameStep}|{format.Height}|{format.Width}|{format.Mode}|{start}"));

    /// <summary>The cached clip, or null on a miss or an unreadable entry (which is then removed).</summary>
    public Clip? TryLoad(string key)
    {
        string path = ClipPath(key);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        var clip = Decode(bytes);
        if (clip == null) TryDelete(path);
        return clip;
    }

    /// <summary>Writes the clip and rounds its pixels to float16 in place.</summary>
    public void Store(string key, Clip clip)
    {
        var bytes = new byte[HeaderBytes + clip.Pixels.Length * 2];
        Magic.CopyTo(bytes);
        var header = bytes.AsSpan(8);
        BinaryPrimitives.WriteInt32LittleEndian(header, clip.Frames);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], clip.Height);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], clip.Width);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], clip.Start);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], clip.DecodedFrames);
        // Vectorised conversions: element by element they cost more than decoding a Motion-JPEG clip.
        var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan(HeaderBytes));
        TensorPrimitives.ConvertToHalf(clip.Pixels, halves);
        TensorPrimitives.ConvertToSingle(halves, clip.Pixels);
        WriteAtomically(ClipPath(key), bytes);
    }

    /// <summary>A remembered decodable length for this version of the video.</summary>
    public bool TryGetLength(FileIdentity video, out int length)
    {
        length = 0;
        string path = LengthPath(video);
        return File.Exists(path) && int.TryParse(File.ReadAllText(path), NumberStyles.None, CultureInfo.InvariantCulture, out length) && length > 0;
    }

    public void StoreLength(FileIdentity video, int length) =>
        WriteAtomically(LengthPath(video), System.Text.Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture)));

    private string ClipPath(string key) => Path.Combine(Directory, key[..2], key + ".clip");

    private string LengthPath(FileIdentity video)
    {
        string key = FileHashes.Sha256(System.Text.Encoding.UTF8.GetBytes("length-v2|" + video.Key));
        return Path.Combine(Directory, key[..2], key + ".length");
    }

    private static Clip? Decode(byte[] bytes)
    {
        if (bytes.Length < HeaderBytes || !bytes.AsSpan(0, 8).SequenceEqual(Magic)) return null;
        var header = bytes.AsSpan(8);
        int frames = BinaryPrimitives.ReadInt32LittleEndian(header);
        int height = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        int width = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        int start = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        int decoded = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        long count = (long)frames * height * width * 3;
        if (frames < 1 || height < 1 || width < 1 || HeaderBytes + count * 2 != bytes.Length) return null;
        var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan(HeaderBytes));
        var pixels = new float[count];
        TensorPrimitives.ConvertToSingle(halves, pixels);
        return new Clip(pixels, frames, height, width, start, decoded);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
