using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

/// <summary>Classifies a video with a MoViNet base model written by `dotnet movinet export`; prints the top 5.</summary>
public static class TopFive
{
    public static void Print(string modelPath, string videoPath, TextWriter output)
    {
        using var session = new InferenceSession(modelPath);
        var meta = session.ModelMetadata.CustomMetadataMap;
        var labels = JsonSerializer.Deserialize<string[]>(meta["labels"])!;
        int frames = int.Parse(meta["frames"]), step = int.Parse(meta["frame_step"]), size = int.Parse(meta["resolution"]);
        // Input [1, frames, size, size, 3], RGB in [0, 1]: every step-th frame from the start, resized to size x size.
        var pixels = new float[frames * size * size * 3];
        using var video = new VideoCapture(videoPath);
        using var frame = new Mat();
        for (int t = 0, read = 0; t < frames && video.Read(frame) && !frame.Empty(); read++)
        {
            if (read % step != 0) continue;
            using var resized = frame.Resize(new Size(size, size));
            using var rgb = resized.CvtColor(ColorConversionCodes.BGR2RGB);
            rgb.GetArray(out Vec3b[] data);
            for (int i = 0; i < data.Length; i++)
                for (int c = 0; c < 3; c++) pixels[((t * data.Length) + i) * 3 + c] = data[i][c] / 255f;
            t++;
        }
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [1, frames, size, size, 3]);
        using var results = session.Run(new RunOptions(), ["video"], [input], ["logits"]);
        var logits = results[0].GetTensorDataAsSpan<float>().ToArray();
        var exp = logits.Select(l => Math.Exp(l - logits.Max())).ToArray();
        foreach (int i in Enumerable.Range(0, logits.Length).OrderByDescending(i => logits[i]).Take(5))
            output.WriteLine($"{labels[i]}: {exp[i] / exp.Sum():0.000}");
    }
}
