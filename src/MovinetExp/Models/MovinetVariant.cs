namespace MovinetExp.Models;

/// <summary>The two released families: non-causal base models and causal streaming models.</summary>
public enum MovinetVariant { Base, Stream }
