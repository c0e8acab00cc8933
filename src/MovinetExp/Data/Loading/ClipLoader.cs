using System.Collections.Concurrent;
using System.Threading.Channels;
using MovinetExp.Common;
using MovinetExp.Data.Video;
using MovinetExp.Native;

namespace MovinetExp.Data.Loading;

/// <summary>
/// Decodes a list of videos into batches on parallel workers, a bounded number of batches ahead of the
/// consumer. Batches come out in list order (or the epoch's seeded shuffle) whatever the worker timing,
/// and each clip's start depends only on (seed, epoch, item index), so an epoch is reproducible.
/// </summary>
public sealed class ClipLoader
{
    private readonly IReadOnlyList<VideoItem> _items;
    private readonly ClipLoaderOptions _options;
    private readonly ClipSource _source;
    private readonly Action<BadVideo>? _onSkipped;
    private readonly ConcurrentDictionary<string, BadVideo> _skipped = new();

    /// <param name="onSkipped">Called once per bad video when <see cref="ClipLoaderOptions.OnBadVideo"/> is Skip (from a worker thread).</param>
    public ClipLoader(IReadOnlyList<VideoItem> items, ClipLoaderOptions options, Action<BadVideo>? onSkipped = null)
    {
        options.Validate();
        _items = items;
        _options = options;
        _onSkipped = onSkipped;
        _source = new ClipSource(options);
    }

    public ClipLoaderOptions Options => _options;

    /// <summary>Batches per epoch (the last one may be smaller).</summary>
    public int BatchCount => (_items.Count + _options.BatchSize - 1) / _options.BatchSize;

    /// <summary>Videos skipped so far, in no particular order.</summary>
    public IReadOnlyList<BadVideo> Skipped => _skipped.Values.ToArray();

    /// <summary>
    /// The batches of one epoch. With the Fail policy a bad video's DataException is thrown when its
    /// batch is reached. Stopping the enumeration early cancels the decoding still in flight.
    /// </summary>
    public IEnumerable<ClipBatch> Epoch(int epoch, CancellationToken cancellation = default)
    {
        int[] order = Order(epoch);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // Not disposed: a cancelled batch may still release it after the enumeration ends.
        var workers = new SemaphoreSlim(_options.Workers);
        var pending = Channel.CreateBounded<Task<ClipBatch?>>(new BoundedChannelOptions(_options.Prefetch)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var producer = Task.Run(() => ProduceAsync(order, epoch, workers, pending.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (WaitForData(pending.Reader))
                while (pending.Reader.TryRead(out var next))
                {
                    cancellation.ThrowIfCancellationRequested();
                    ClipBatch? batch;
                    using (NativeCallGate.ConsumerWaiting()) batch = next.GetAwaiter().GetResult();
                    if (batch == null) continue;
                    // The consumer runs LibTorch on the batch until it asks for the next one (see NativeCallGate).
                    NativeCallGate.ConsumerEnter();
                    try
                    {
                        yield return batch;
                    }
                    finally
                    {
                        NativeCallGate.ConsumerExit();
                    }
                }
        }
        finally
        {
            stop.Cancel();
            using (NativeCallGate.ConsumerWaiting())
            {
                WaitQuietly(producer);
                while (pending.Reader.TryRead(out var abandoned)) WaitQuietly(abandoned);
            }
        }
    }

    private static bool WaitForData(ChannelReader<Task<ClipBatch?>> reader)
    {
        using (NativeCallGate.ConsumerWaiting()) return reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private async Task ProduceAsync(int[] order, int epoch, SemaphoreSlim workers, ChannelWriter<Task<ClipBatch?>> writer, CancellationToken stop)
    {
        try
        {
            for (int first = 0; first < order.Length; first += _options.BatchSize)
            {
                int[] indices = order[first..Math.Min(order.Length, first + _options.BatchSize)];
                var batch = LoadBatchAsync(indices, epoch, workers, stop);
                try
                {
                    await writer.WriteAsync(batch, stop);
                }
                catch (OperationCanceledException)
                {
                    WaitQuietly(batch); // finish it before the loader lets go of the workers
                    throw;
                }
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }

    private async Task<ClipBatch?> LoadBatchAsync(int[] indices, int epoch, SemaphoreSlim workers, CancellationToken stop)
    {
        var loads = indices.Select(index => Task.Run(async () =>
        {
            await workers.WaitAsync(stop);
            using (LoadProfile.Time(_options.Profile, LoadStage.GateWait)) NativeCallGate.WorkerEnter();
            try
            {
                using (LoadProfile.Time(_options.Profile, LoadStage.Worker)) return LoadOrSkip(index, epoch);
            }
            finally
            {
                NativeCallGate.WorkerExit();
                workers.Release();
            }
        }, stop)).ToArray();
        var clips = await Task.WhenAll(loads); // the first failure in list order surfaces
        using (LoadProfile.Time(_options.Profile, LoadStage.GateWait)) NativeCallGate.WorkerEnter();
        try
        {
            using (LoadProfile.Time(_options.Profile, LoadStage.Assemble)) return Assemble(indices, clips);
        }
        finally
        {
            NativeCallGate.WorkerExit();
        }
    }

    private IReadOnlyList<Clip>? LoadOrSkip(int index, int epoch)
    {
        var item = _items[index];
        try
        {
            return _source.Load(item, index, epoch);
        }
        catch (DataException e) when (_options.OnBadVideo == BadVideoPolicy.Skip)
        {
            var bad = new BadVideo(item.Path, e.Message);
            if (_skipped.TryAdd(item.Path, bad)) _onSkipped?.Invoke(bad);
            return null;
        }
    }

    private ClipBatch? Assemble(int[] indices, IReadOnlyList<Clip>?[] loaded)
    {
        var clips = new List<(VideoItem Item, Clip Clip)>();
        for (int i = 0; i < indices.Length; i++)
            if (loaded[i] is { } videoClips)
                clips.AddRange(videoClips.Select(clip => (_items[indices[i]], clip)));
        if (clips.Count == 0) return null;

        var format = _options.Format;
        int clipLength = _options.Sampling.Frames * format.FrameLength;
        // Every element is overwritten below: skip the zeroing of a batch-sized (tens of MB) array.
        var pixels = GC.AllocateUninitializedArray<float>(clips.Count * clipLength);
        for (int b = 0; b < clips.Count; b++) clips[b].Clip.Pixels.CopyTo(pixels, b * clipLength);
        return new ClipBatch
        {
            Pixels = pixels,
            Items = clips.Select(c => c.Item).ToArray(),
            Labels = clips.Select(c => c.Item.Label).ToArray(),
            Starts = clips.Select(c => c.Clip.Start).ToArray(),
            Frames = _options.Sampling.Frames,
            Height = format.Height,
            Width = format.Width,
            ClipsPerVideo = _options.ClipsPerVideo,
        };
    }

    /// <summary>List order, or a Fisher-Yates shuffle seeded by (seed, epoch).</summary>
    private int[] Order(int epoch)
    {
        int[] order = Enumerable.Range(0, _items.Count).ToArray();
        if (_options.Shuffle) SamplingRandom.For(_options.Seed, epoch, -1).Shuffle(order);
        return order;
    }

    private static void WaitQuietly(Task task)
    {
        try { task.Wait(); } catch (AggregateException) { } // already reported, or cancelled on purpose
    }
}
