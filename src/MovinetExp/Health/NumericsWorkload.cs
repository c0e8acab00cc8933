namespace MovinetExp.Health;

/// <summary>A way the tool runs a model; each uses its own convolution problems.</summary>
public enum NumericsWorkload
{
    /// <summary>predict, eval, bench's inference figures, frozen-backbone features.</summary>
    Inference,

    /// <summary>run with a trainable backbone: forward and backward.</summary>
    Training,

    /// <summary>stream: one frame at a time with the stream state (causal models only).</summary>
    Streaming,
}
