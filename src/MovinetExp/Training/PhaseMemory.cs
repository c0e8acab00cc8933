namespace MovinetExp.Training;

/// <summary>
/// Peak resident memory in bytes of each phase of an epoch, native (LibTorch) allocations included: the
/// training steps, the batch-norm recompute (null with a frozen backbone), the validation pass (null
/// without a validation split). Each phase's peak is measured on its own (see <see cref="Native.ResidentPeakSampler"/>).
/// </summary>
public sealed record PhaseMemory(long Train, long? BnRecompute, long? Eval);
