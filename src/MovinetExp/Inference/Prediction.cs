namespace MovinetExp.Inference;

/// <summary>A class and its probability.</summary>
public sealed record ScoredLabel(string Label, int Index, double Probability);

/// <summary>The answer for one clip: its top-K classes and the raw logits.</summary>
public sealed record Prediction(string Name, IReadOnlyList<ScoredLabel> Top, float[] Logits);
