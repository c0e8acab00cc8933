using System.Collections.Concurrent;
using TorchSharp;

namespace MovinetExp.Numerics;

/// <summary>
/// Scalar arguments for LibTorch that stay alive while LibTorch reads them.
/// Why: TorchSharp turns every number passed to a tensor operation (<c>x.mul(0.5)</c>, <c>a + b</c>'s
/// implicit alpha of 1, every <c>alpha:</c>/<c>value:</c> in an optimiser's step) into a
/// <see cref="Scalar"/>, a managed wrapper of a native object that its finaliser frees. In optimised code
/// that wrapper is unreachable as soon as its handle has been read, while the native call that uses it is
/// still running; a garbage collection started then by any other thread (a logger, a timer, a loader)
/// lets the finaliser free it mid-call. Seen as "Expected false to be true" / "Unknown scalar type" in
/// Adam's step (CI's quickstart, exit 70), and it can as well read a reused value silently.
/// So no code here makes a temporary Scalar: constants come from <see cref="Of(double)"/> (held for the
/// process's life), per-call values are made with <c>ToScalar()</c> into a <c>using</c> local or a field
/// of an object kept alive over the call. tests/.../Architecture/TemporaryScalarTests enforce both, also
/// for the TorchSharp methods the library calls.
/// </summary>
public static class Scalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Reals = new();
    private static readonly ConcurrentDictionary<long, Scalar> Integers = new();

    /// <summary>The integer 1: the alpha of a plain sum (what <c>a.add(b)</c> passes implicitly).</summary>
    public static readonly Scalar One = Of(1L);

    /// <summary>A floating-point constant, made once per value. Only for constants: every value is kept.</summary>
    public static Scalar Of(double value) => Reals.GetOrAdd(value, static v => v.ToScalar());

    /// <summary>An integer constant, made once per value. Only for constants: every value is kept.</summary>
    public static Scalar Of(long value) => Integers.GetOrAdd(value, static v => v.ToScalar());
}
