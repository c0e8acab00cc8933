namespace MovinetExp.Training;

/// <summary>Mean loss and accuracy over one pass, and how many examples it saw.</summary>
public sealed record EpochStats(double Loss, double Accuracy, int Examples)
{
    public static EpochStats Empty { get; } = new(double.NaN, double.NaN, 0);
}
