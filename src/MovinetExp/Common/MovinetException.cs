namespace MovinetExp.Common;

/// <summary>
/// A user-facing failure: the message names the file, key or line, what was expected and what to do.
/// The command layer prints <see cref="Exception.Message"/> without a stack trace and exits with
/// <see cref="ExitCode"/>. Anything that is not a MovinetException is a bug and keeps its stack trace.
/// </summary>
public abstract class MovinetException : Exception
{
    protected MovinetException(string message, Exception? inner = null) : base(message, inner) { }
    public abstract int ExitCode { get; }
}

/// <summary>A bad command line, spec file, override, catalogue or setting (exit code 2). Any layer may throw
/// it for a value it cannot take; the layers below Specs say what is wrong with the value, not which spec
/// key held it, since the command line reaches them too.</summary>
public sealed class UsageException : MovinetException
{
    public UsageException(string message, Exception? inner = null) : base(message, inner) { }
    public override int ExitCode => ExitCodes.UsageOrSpec;
}

/// <summary>Unreadable, missing or inconsistent data: videos, datasets, downloads, .npy files (exit code 3).</summary>
public sealed class DataException : MovinetException
{
    public DataException(string message, Exception? inner = null) : base(message, inner) { }
    public override int ExitCode => ExitCodes.Data;
}

/// <summary>A missing, corrupt or mismatched TensorFlow checkpoint (exit code 4).</summary>
public sealed class CheckpointException : MovinetException
{
    public CheckpointException(string message, Exception? inner = null) : base(message, inner) { }
    public override int ExitCode => ExitCodes.Checkpoint;
}

/// <summary>This machine's native kernels compute a convolution wrong and no alternative passed its check
/// (exit code 5): the tool refuses rather than produce wrong numbers.</summary>
public sealed class NumericsException : MovinetException
{
    public NumericsException(string message, Exception? inner = null) : base(message, inner) { }
    public override int ExitCode => ExitCodes.Numerics;
}
