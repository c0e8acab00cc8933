namespace MovinetExp.Models;

/// <summary>The two hard-sigmoid definitions found in TF code
/// (../shared/design/movinet-architecture.md §2.2).</summary>
public enum HardSigmoidKind
{
    /// <summary>clip(0.2·x + 0.5, 0, 1): the Keras 2.x built-in used by the 2021 code that trained and
    /// exported the released stream checkpoints.</summary>
    Keras,

    /// <summary>relu6(x + 3)/6: what the current TF Model Garden code runs.</summary>
    Relu6,
}
