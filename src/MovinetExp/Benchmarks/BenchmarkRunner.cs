using System.Diagnostics;
using MovinetExp.Common;
using MovinetExp.Data;
using MovinetExp.Data.Loading;
using MovinetExp.Data.Synthetic;
using MovinetExp.Data.Video;
using MovinetExp.Inference;
using MovinetExp.Inference.Onnx;
using MovinetExp.Models;
using MovinetExp.Native;
using MovinetExp.Reporting;
using MovinetExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MovinetExp.Benchmarks;

/// <summary>What to measure and how.</summary>
/// <param name="Only">Names to run (load, infer, train-frozen, train-full, stream); empty = all.</param>
/// <param name="VideosFolder">Videos for the load benchmark (class folders); null = generated 320x240 synthetic videos.</param>
/// <param name="Profile">Also break the cold load's time down by stage (<see cref="BenchmarkReport.LoadProfile"/>).</param>
public sealed record BenchmarkOptions(int Threads, IReadOnlyList<string> Only, int Repetitions, string? VideosFolder, string CacheFolder,
    bool Profile = false);

/// <summary>
/// `dotnet movinet bench`: the figures the performance goals are judged by, measured the same way each
/// time: warm-up, then the median of at least five timed repetitions (random weights; speed does not
/// depend on their values).
/// </summary>
public static class BenchmarkRunner
{
    public static readonly IReadOnlyList<string> Names = ["load", "infer", "train-frozen", "train-full", "stream"];

    public static BenchmarkReport Run(BenchmarkOptions options, IProgress<string>? status, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        int threads = ComputeDevice.ConfigureThreads(options.Threads);
        var device = ComputeDevice.Select(DeviceKind.Auto);
        bool Wanted(string name) => options.Only.Count == 0 || options.Only.Contains(name);
        var results = new List<Measurement>();
        int reps = Math.Max(5, options.Repetitions);
        var profile = options.Profile && Wanted("load") ? new LoadProfile() : null;
        int profiledClips = 0;
        if (Wanted("load")) results.AddRange(Load(options, reps, threads, profile, ref profiledClips, status, cancellation));
        if (Wanted("infer"))
        {
            results.Add(Infer(224, reps, threads, device, status));
            results.Add(InferOnnx(224, reps, threads, options.CacheFolder, status));
            results.Add(Infer(172, reps, threads, device, status));
        }
        if (Wanted("train-frozen")) results.Add(TrainFrozen(reps, threads, device, status));
        if (Wanted("train-full")) results.Add(TrainFull(reps, threads, device, status));
        if (Wanted("stream"))
        {
            results.Add(StreamLatency(reps, device, status, threads));
            results.Add(StreamLatencyOnnx(reps, options.CacheFolder, status));
        }
        ComputeDevice.ConfigureThreads(threads);
        return new BenchmarkReport(RuntimeVersions.Tool, RuntimeVersions.TorchSharp, RuntimeVersions.LibTorch, HostInfo.CpuModel(),
            Environment.ProcessorCount, threads, device.ToString(), results, Math.Round(total.Elapsed.TotalSeconds, 1))
        {
            LoadProfile = profile == null ? null : LoadStageFigure.From(profile, profiledClips),
        };
    }

    /// <summary>Small --videos folders are cycled up to this many clips per timing, so that a timing is not a few milliseconds of noise.</summary>
    private const int MinimumLoadClips = 48;

    /// <param name="profile">Collects the stages of every cold repetition; <paramref name="profiledClips"/> counts their clips.</param>
    private static IReadOnlyList<Measurement> Load(BenchmarkOptions options, int reps, int threads, LoadProfile? profile, ref int profiledClips,
        IProgress<string>? status, CancellationToken cancellation)
    {
        IReadOnlyList<VideoItem> items;
        string setup;
        if (options.VideosFolder != null)
        {
            items = Directory.EnumerateFiles(options.VideosFolder, "*", SearchOption.AllDirectories)
                .Where(Data.Sources.VideoFiles.IsVideo).Order(StringComparer.Ordinal)
                .Select(p => new VideoItem(p, 0, Path.GetFileName(Path.GetDirectoryName(p)!))).ToList();
            setup = $"{items.Count} videos from {options.VideosFolder} ({Math.Max(items.Count, MinimumLoadClips)} clips per timing)";
        }
        else
        {
            status?.Report("generating 48 synthetic 320x240 videos for the load benchmark");
            var set = SyntheticDatasetGenerator.Generate(Path.Combine(options.CacheFolder, "bench", "videos"),
                SyntheticOptions.WithClassCount(4, 12, 120, 240, 320, 25, 1), cancellation: cancellation);
            items = set.Items;
            setup = "48 generated MJPG videos, 320x240, 120 frames";
        }
        var loader = new ClipLoaderOptions(new ClipSampling(8, 15), new FrameFormat(224, 224), 8)
        {
            Start = ClipStart.Random,
            Workers = threads,
        };
        var cold = new List<double>();
        var fill = new List<double>();
        var warm = new List<double>();
        var coldCpu = new List<double>();
        long peak = 0;
        for (int r = 0; r < reps; r++)
        {
            status?.Report($"load: repetition {r + 1}/{reps}");
            string scratch = Path.Combine(options.CacheFolder, "bench", "clip-cache");
            var result = ClipLoadBenchmark.Run(items, loader, Math.Max(items.Count, MinimumLoadClips), scratch, cancellation, profile);
            profiledClips += result.Clips;
            cold.Add(result.ColdClipsPerSecond);
            fill.Add(result.FillClipsPerSecond);
            warm.Add(result.WarmClipsPerSecond);
            coldCpu.Add(result.ColdCpuMillisecondsPerClip);
            peak = Math.Max(peak, ProcessMemory.ResidentBytes());
        }
        string common = $"{setup}; 8 frames, frame_step 15, 224 px, {threads} workers";
        return
        [
            Measurement.From("load_cold", "clips/s", cold, threads, peak, common + "; decoding, no cache"),
            Measurement.From("load_fill", "clips/s", fill, threads, peak, common + "; decoding into an empty decoded-clip cache"),
            Measurement.From("load_warm", "clips/s", warm, threads, peak, common + "; decoded-clip cache"),
            Measurement.From("load_cold_cpu", "ms/clip", coldCpu, threads, peak, common + "; process CPU time per clip of the cold load, all threads"),
        ];
    }

    private static Measurement Infer(int resolution, int reps, int threads, Device device, IProgress<string>? status)
    {
        status?.Report($"infer: A0 base, batch 8, 8x{resolution}x{resolution}");
        manual_seed(0);
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base));
        model.to(device).eval();
        using var input = rand(new long[] { 8, 3, 8, resolution, resolution }, device: device);
        return Timed($"infer_{resolution}", 8, reps, threads, () =>
        {
            using var noGrad = inference_mode();
            using var scope = NewDisposeScope();
            model.forward(input);
        }, $"A0 base, batch 8, 8x{resolution}x{resolution}, inference mode");
    }

    /// <summary><see cref="Infer"/>'s model and shapes exported to ONNX and run by ONNX Runtime on the CPU with the same threads.</summary>
    private static Measurement InferOnnx(int resolution, int reps, int threads, string cacheFolder, IProgress<string>? status)
    {
        status?.Report($"infer (ONNX Runtime): A0 base, batch 8, 8x{resolution}x{resolution}");
        using var classifier = ExportedA0(MovinetVariant.Base, cacheFolder, threads);
        var pixels = RandomPixels(8 * 8 * resolution * resolution * 3);
        return Timed($"infer_{resolution}_onnx", 8, reps, threads, () => classifier.Classify(pixels, 8, 8, resolution, resolution),
            $"A0 base, batch 8, 8x{resolution}x{resolution}, ONNX Runtime {OnnxSessionFactory.RuntimeVersion} CPU, {threads} intra-op threads");
    }

    /// <summary><see cref="StreamLatency"/> on ONNX Runtime: the stream export, one thread, state carried from frame to frame.</summary>
    private static Measurement StreamLatencyOnnx(int reps, string cacheFolder, IProgress<string>? status)
    {
        status?.Report("stream (ONNX Runtime): A0 stream, one frame at a time at 172x172, one thread");
        using var classifier = ExportedA0(MovinetVariant.Stream, cacheFolder, threads: 1);
        var frame = RandomPixels(172 * 172 * 3);
        using var stream = classifier.OpenStream(172, 172);
        const int framesPerRep = 10;
        for (int i = 0; i < 5; i++) stream.Next(frame);
        var values = new List<double>();
        long peak = 0;
        for (int r = 0; r < reps; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < framesPerRep; i++) stream.Next(frame);
            values.Add(clock.Elapsed.TotalMilliseconds / framesPerRep);
            peak = Math.Max(peak, ProcessMemory.ResidentBytes());
        }
        return Measurement.From("stream_frame_onnx", "ms/frame", values, 1, peak,
            $"A0 stream, batch 1, 172x172, {framesPerRep} frames per repetition, state carried, ONNX Runtime {OnnxSessionFactory.RuntimeVersion} CPU");
    }

    /// <summary>A0 with random weights (seed 0, like the TorchSharp figures), exported and opened on ONNX Runtime's CPU provider.</summary>
    private static OnnxClassifier ExportedA0(MovinetVariant variant, string cacheFolder, int threads)
    {
        manual_seed(0);
        string path = Path.Combine(cacheFolder, "bench", $"a0-{EnumNames.Of(variant)}.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var model = new MovinetClassifier(MovinetOptions.For("a0", variant));
        model.eval();
        using (var classifier = new LoadedClassifier(model, Enumerable.Range(0, model.Options.NumClasses).Select(i => $"class_{i}").ToArray(),
            new InputSampling(8, 1, 172, ResizeMode.Pad), "bench", CPU))
            OnnxExporter.Export(classifier, path);
        return OnnxClassifier.Open(path, DeviceKind.Cpu, threads);
    }

    private static float[] RandomPixels(int count)
    {
        var rng = new Random(0);
        var pixels = new float[count];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)rng.NextDouble();
        return pixels;
    }

    private static Measurement TrainFrozen(int reps, int threads, Device device, IProgress<string>? status) =>
        TrainSteps("train-frozen", 224, trainFromStage: null, "backbone frozen",
            "backbone frozen (forward through it every step, no feature reuse)", reps, threads, device, status);

    private static Measurement TrainFull(int reps, int threads, Device device, IProgress<string>? status) =>
        TrainSteps("train-full", 172, trainFromStage: 0, "everything trains", "full fine-tuning", reps, threads, device, status);

    /// <summary>Training steps of A0 (batch 8, Adam 1e-3) with <paramref name="trainFromStage"/> as the freeze; null freezes the backbone.</summary>
    private static Measurement TrainSteps(string name, int resolution, int? trainFromStage, string statusNote, string setupNote,
        int reps, int threads, Device device, IProgress<string>? status)
    {
        status?.Report($"{name}: A0, batch 8, 8x{resolution}x{resolution}, Adam, {statusNote}");
        manual_seed(0);
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Base, 10));
        model.to(device);
        var freeze = FreezePolicy.Apply(model, trainFromStage);
        // BackboneParameters is empty when the backbone is frozen, so the optimiser then sees only the head.
        using var optimizer = OptimizerSetup.Create(OptimizerKind.Adam, 1e-3, 0, 0.9, freeze.HeadParameters, freeze.BackboneParameters, 1);
        var loop = new SupervisedLoop(model, optimizer, new LearningRateSchedule(1e-3, 1_000_000, 0, false), 0, 0, device, freeze.SetTrainingMode);
        var batch = RandomBatch(resolution);
        long step = 0;
        return Timed(name.Replace('-', '_'), 8, reps, threads, () => loop.TrainEpoch(1, [batch], 1, ref step, null, default),
            $"A0 base, batch 8, 8x{resolution}x{resolution}, Adam 1e-3, {setupNote}");
    }

    private static Measurement StreamLatency(int reps, Device device, IProgress<string>? status, int threads)
    {
        status?.Report("stream: A0 stream, one frame at a time at 172x172, one thread");
        ComputeDevice.ConfigureThreads(1);
        manual_seed(0);
        using var model = new MovinetClassifier(MovinetOptions.For("a0", MovinetVariant.Stream));
        model.to(device).eval();
        using var frame = rand(new long[] { 1, 3, 1, 172, 172 }, device: device);
        var state = model.InitStates(1, 172, 172);
        const int framesPerRep = 10;
        void Frames(int n)
        {
            for (int i = 0; i < n; i++)
            {
                using var scope = NewDisposeScope();
                var (_, next) = model.Stream(frame, state);
                state.Dispose();
                state = next;
            }
        }
        Frames(5);
        var values = new List<double>();
        long peak = 0;
        for (int r = 0; r < reps; r++)
        {
            var clock = Stopwatch.StartNew();
            Frames(framesPerRep);
            values.Add(clock.Elapsed.TotalMilliseconds / framesPerRep);
            peak = Math.Max(peak, ProcessMemory.ResidentBytes());
        }
        state.Dispose();
        ComputeDevice.ConfigureThreads(threads);
        return Measurement.From("stream_frame", "ms/frame", values, 1, peak, $"A0 stream, batch 1, 172x172, {framesPerRep} frames per repetition, stream buffers carried");
    }

    private static Batch RandomBatch(int resolution)
    {
        var pixels = RandomPixels(8 * 8 * resolution * resolution * 3);
        return new Batch(pixels, [8, 8, resolution, resolution, 3], Enumerable.Range(0, 8).Select(i => i % 10).ToArray());
    }

    private static Measurement Timed(string name, int clipsPerRep, int reps, int threads, Action action, string setup)
    {
        action(); // warm-up: allocator, kernels, first-call costs
        var values = new List<double>();
        long peak = 0;
        for (int r = 0; r < reps; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            values.Add(clipsPerRep / clock.Elapsed.TotalSeconds);
            peak = Math.Max(peak, ProcessMemory.ResidentBytes());
        }
        return Measurement.From(name, "clips/s", values, threads, peak, setup);
    }
}
