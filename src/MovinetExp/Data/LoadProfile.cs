using System.Diagnostics;

namespace MovinetExp.Data;

/// <summary>
/// Time and calls per <see cref="LoadStage"/>, summed over every worker thread; what `bench --profile`
/// reports. Costs two timestamp reads per timed call, far below a frame's decode, so the loader's code
/// paths are the same with and without a profile. Thread-safe.
/// </summary>
public sealed class LoadProfile
{
    private static readonly int StageCount = Enum.GetValues<LoadStage>().Length;
    private readonly long[] _ticks = new long[StageCount];
    private readonly long[] _calls = new long[StageCount];

    /// <summary>Starts timing <paramref name="stage"/> on <paramref name="profile"/>; disposing stops it. A null profile times nothing.</summary>
    public static Timing Time(LoadProfile? profile, LoadStage stage) => new(profile, stage);

    /// <summary>Time spent in <paramref name="stage"/>, summed over threads.</summary>
    public TimeSpan Total(LoadStage stage) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)stage]));

    /// <summary>Timed calls of <paramref name="stage"/>.</summary>
    public long Calls(LoadStage stage) => Interlocked.Read(ref _calls[(int)stage]);

    private void Add(LoadStage stage, long ticks)
    {
        Interlocked.Add(ref _ticks[(int)stage], ticks);
        Interlocked.Increment(ref _calls[(int)stage]);
    }

    /// <summary>One timed call; a struct so that timing allocates nothing.</summary>
    public readonly struct Timing : IDisposable
    {
        private readonly LoadProfile? _profile;
        private readonly LoadStage _stage;
        private readonly long _start;

        internal Timing(LoadProfile? profile, LoadStage stage)
        {
            _profile = profile;
            _stage = stage;
            _start = profile == null ? 0 : Stopwatch.GetTimestamp();
        }

        public void Dispose() => _profile?.Add(_stage, Stopwatch.GetTimestamp() - _start);
    }
}
