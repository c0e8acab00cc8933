using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Interop;
using MovinetExp.Specs;

namespace MovinetExp.Inference;

/// <summary>
/// Reads what `predict` and `stream` classify: videos (sampled like the model was trained, or every
/// frame_step-th frame for streaming) and NumPy clips ([T,H,W,3] or [B,T,H,W,3], float32 in [0,1] or
/// uint8). "-" (or /dev/stdin) reads a video from standard input.
/// </summary>
public static class InputClips
{
    /// <summary>How standard input is named once the command line is parsed (the tool maps a lone "-" to it).</summary>
    public const string StandardInput = "/dev/stdin";

    /// <summary>Each path as one or more clips, or the reason it failed; never throws for a bad input.</summary>
    public static List<(List<InputClip> Clips, InputFailure? Failure)> ReadAll(IEnumerable<string> paths, InputSampling sampling)
    {
        var results = new List<(List<InputClip>, InputFailure?)>();
        foreach (string path in paths)
        {
            try
            {
                results.Add((Read(path, sampling, wholeVideo: false, maxFrames: 0), null));
            }
            catch (MovinetException e)
            {
                results.Add(([], new InputFailure(path, e.Message)));
            }
        }
        return results;
    }

    /// <param name="wholeVideo">Stream mode: every frame_step-th frame from the first, up to <paramref name="maxFrames"/>.</param>
    public static List<InputClip> Read(string path, InputSampling sampling, bool wholeVideo, int maxFrames)
    {
        if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase)) return FromNpy(path);
        string file = path == StandardInput ? SpoolStandardInput() : path;
        try
        {
            if (!File.Exists(file)) throw new DataException($"{path}: no such file. Pass a video file, a .npy clip, or - for standard input.");
            var clip = wholeVideo ? ReadEveryStep(file, sampling, maxFrames) : new VideoClipReader(sampling.Clip, sampling.Format).Read(file, ClipStart.Centre, 0);
            return [new InputClip(path, clip.Pixels, clip.Frames, clip.Height, clip.Width)];
        }
        finally
        {
            if (path == StandardInput) File.Delete(file);
        }
    }

    private static Clip ReadEveryStep(string file, InputSampling sampling, int maxFrames)
    {
        int length = new VideoClipReader(sampling.Clip, sampling.Format).Length(file);
        int frames = Math.Max(1, (length - 1) / sampling.FrameStep + 1);
        if (maxFrames > 0) frames = Math.Min(frames, maxFrames);
        var reader = new VideoClipReader(new ClipSampling(frames, sampling.FrameStep), sampling.Format);
        return reader.Read(file, new ClipPlan(0, reader.Sampling));
    }

    private static List<InputClip> FromNpy(string path)
    {
        // A NumPy clip goes to the model as it is (no resizing), so it gets the spec's bounds of model input:
        // data.frames and data.resolution. The model itself takes anything from 1 frame of 1x1 pixels.
        var array = NpyReader.ReadClips(path, maxFrames: DataSpec.MaxFrames, maxSide: DataSpec.MaxResolution);
        var shape = array.Shape;
        if (shape.Length == 4) return [new InputClip(path, array.Data, shape[0], shape[1], shape[2])];
        int clipLength = shape[1] * shape[2] * shape[3] * 3;
        return Enumerable.Range(0, shape[0])
            .Select(b => new InputClip($"{path}[{b}]", array.Data.AsSpan(b * clipLength, clipLength).ToArray(), shape[1], shape[2], shape[3]))
            .ToList();
    }

    /// <summary>Copies standard input to a temporary file (decoders need a seekable file); the caller deletes it.</summary>
    internal static string SpoolStandardInput()
    {
        string file = Path.Combine(Path.GetTempPath(), $"movinet-stdin-{Guid.NewGuid():N}.video");
        using (var output = File.Create(file)) Console.OpenStandardInput().CopyTo(output);
        return file;
    }
}
