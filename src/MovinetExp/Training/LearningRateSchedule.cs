namespace MovinetExp.Training;

/// <summary>
/// Learning rate as a function of the optimisation step: optional linear warm-up from 0, then constant
/// or cosine decay to 0 at the last step. A pure function of the step, so a resumed run gets exactly the
/// rates an uninterrupted run would have used.
/// </summary>
public sealed class LearningRateSchedule
{
    private readonly double _baseRate;
    private readonly long _warmupSteps;
    private readonly long _totalSteps;
    private readonly bool _cosine;

    public LearningRateSchedule(double baseRate, long totalSteps, long warmupSteps, bool cosine)
    {
        if (totalSteps < 1) throw new ArgumentOutOfRangeException(nameof(totalSteps));
        if (warmupSteps < 0) throw new ArgumentOutOfRangeException(nameof(warmupSteps));
        _baseRate = baseRate;
        _totalSteps = totalSteps;
        _warmupSteps = Math.Min(warmupSteps, totalSteps);
        _cosine = cosine;
    }

    /// <summary>The rate for 0-based <paramref name="step"/>.</summary>
    public double RateAt(long step)
    {
        if (step < _warmupSteps) return _baseRate * (step + 1) / _warmupSteps;
        if (!_cosine) return _baseRate;
        long decaySteps = _totalSteps - _warmupSteps;
        double progress = decaySteps <= 1 ? 0 : (double)(step - _warmupSteps) / (decaySteps - 1);
        return _baseRate * 0.5 * (1 + Math.Cos(Math.PI * Math.Clamp(progress, 0, 1)));
    }
}
