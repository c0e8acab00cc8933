namespace MovinetExp.Evaluation;

/// <summary>
/// One class's clip-level scores. Support is the number of clips whose true class is this one.
/// Any ratio whose denominator is zero (no predictions, no true clips, or P + R = 0) is defined as 0,
/// as scikit-learn does with zero_division=0, so an unseen class lowers the macro average instead of hiding.
/// </summary>
public sealed record ClassMetrics(string ClassName, double Precision, double Recall, double F1, int Support);
