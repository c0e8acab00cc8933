using System.Reflection;
using System.Reflection.Emit;
using MovinetExp.Tests.Support;
using TorchSharp;

namespace MovinetExp.Tests.Architecture;

/// <summary>
/// No LibTorch call of ours gets a temporary <see cref="Scalar"/>: one the garbage collector may finalise
/// (free) while LibTorch still reads it, when any other thread starts a collection (see
/// <c>Numerics/Scalars</c>; it crashed CI's quickstart in Adam's step). Read from the compiled code:
/// every Scalar (and random generator) made must be stored in a field or in a local that the method disposes (a <c>using</c>),
/// in the library and in every TorchSharp method it calls, directly or through others.
/// </summary>
public class TemporaryScalarTests
{
    private static readonly Assembly TorchSharpAssembly = typeof(Scalar).Assembly;
    private static readonly Assembly[] Library = { typeof(MovinetExp.Numerics.Scalars).Assembly, Assembly.Load("movinet") };

    /// <summary>Scalar factories: the implicit conversions from numbers and the ToScalar extensions.</summary>
    private static bool MakesScalar(MethodBase? method) =>
        method is MethodInfo m && m.ReturnType == typeof(Scalar) && m.DeclaringType?.Assembly == TorchSharpAssembly
        && (m.Name == "op_Implicit" || m.Name.StartsWith("To", StringComparison.Ordinal));

    /// <summary>What makes a native object with a finaliser that no dispose scope tracks: a Scalar, or a
    /// random generator (tensors are tracked by the dispose scopes every loop opens).</summary>
    private static bool MakesUntracked(IlInstruction instruction) =>
        MakesScalar(instruction.Method)
        || (instruction.OpCode == OpCodes.Newobj && instruction.Method?.DeclaringType == typeof(torch.Generator));

    /// <summary>Where a method makes a Scalar it does not hold: the offsets' descriptions.</summary>
    private static IEnumerable<string> UnheldScalars(MethodBase method, bool returnedIsHeld)
    {
        var code = IlInstructions.Of(method);
        for (int i = 0; i < code.Count; i++)
        {
            if (!MakesUntracked(code[i])) continue;
            var next = i + 1 < code.Count ? code[i + 1] : null;
            // Held: kept in a field, or in a local the method disposes. Discarded: nothing passes it to
            // LibTorch. Returned by a TorchSharp factory (manual_seed's generator): the library's caller holds it.
            bool held = next is not null && (next.OpCode == OpCodes.Stfld || next.OpCode == OpCodes.Stsfld
                || next.OpCode == OpCodes.Pop || (returnedIsHeld && next.OpCode == OpCodes.Ret)
                || (next.Stores() && DisposesLocal(code, next.Local!.Value)));
            if (!held) yield return $"{code[i].Method!.DeclaringType!.Name}.{code[i].Method!.Name}";
        }
    }

    private static bool DisposesLocal(IReadOnlyList<IlInstruction> code, int local)
    {
        for (int i = 0; i + 1 < code.Count; i++)
            if (code[i].Loads() && code[i].Local == local && code[i + 1].Method?.Name == "Dispose")
                return true;
        return false;
    }

    private static string Describe(MethodBase m) => $"{m.DeclaringType?.FullName}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>The one place allowed to make Scalars it returns: it keeps them for the process's life.</summary>
    private static bool IsScalarsHolder(MethodBase m) =>
        m.DeclaringType == typeof(MovinetExp.Numerics.Scalars) || m.DeclaringType?.DeclaringType == typeof(MovinetExp.Numerics.Scalars);

    [Fact]
    public void TheLibraryHoldsEveryScalarItMakes()
    {
        var problems = Library.SelectMany(IlInstructions.MethodsOf)
            .Where(m => !IsScalarsHolder(m))
            .SelectMany(m => UnheldScalars(m, returnedIsHeld: false).Select(made => $"{Describe(m)}: a temporary Scalar from {made}"))
            .Distinct().OrderBy(s => s).ToList();
        Assert.True(problems.Count == 0,
            "Temporary Scalars or generators (use Numerics.Scalars.Of(constant), or `using var s = value.ToScalar()`):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void NoTorchSharpMethodTheLibraryCallsMakesATemporaryScalar()
    {
        var verdicts = new Dictionary<MethodBase, string?>();
        var problems = new SortedSet<string>();
        foreach (var method in Library.SelectMany(IlInstructions.MethodsOf))
        foreach (var call in IlInstructions.Of(method))
        {
            if (call.Method is not { } callee || callee.DeclaringType?.Assembly != TorchSharpAssembly || MakesScalar(callee)) continue;
            if (Chain(callee, verdicts, new HashSet<MethodBase>()) is { } chain)
                problems.Add($"{Describe(method)} calls {callee.DeclaringType!.Name}.{callee.Name}: {chain}");
            // A TorchSharp module the library makes runs its forward through a virtual call: follow it there.
            if (callee is MethodInfo { ReturnType: var made } && made.IsSubclassOf(typeof(torch.nn.Module)) && made.Assembly == TorchSharpAssembly)
                foreach (var forward in made.GetMethods(IlInstructions.Declared).Where(f => f.Name == "forward"))
                    if (Chain(forward, verdicts, new HashSet<MethodBase>()) is { } forwardChain)
                        problems.Add($"{Describe(method)} makes a {made.Name}, whose forward: {forwardChain}");
        }
        Assert.True(problems.Count == 0,
            "TorchSharp methods that pass a temporary Scalar to LibTorch (call an overload that takes a held Scalar instead):\n"
            + string.Join("\n", problems));
    }

    [Fact]
    public void TheCheckSeesTorchSharpsOwnTemporaries()
    {
        // Against a known case, so the checks above cannot pass by seeing nothing: a + b passes alpha = 1
        // made on the spot, and Adam's step makes one for nearly every call.
        var verdicts = new Dictionary<MethodBase, string?>();
        var add = typeof(torch.Tensor).GetMethod("op_Addition", [typeof(torch.Tensor), typeof(torch.Tensor)])!;
        Assert.NotNull(Chain(add, verdicts, new HashSet<MethodBase>()));
        var adamStep = typeof(TorchSharp.Modules.Adam).GetMethod("step")!;
        Assert.NotNull(Chain(adamStep, verdicts, new HashSet<MethodBase>()));
        Assert.NotEmpty(UnheldScalars(typeof(TemporaryScalarTests).GetMethod(nameof(MakesOneOnTheSpot), BindingFlags.NonPublic | BindingFlags.Static)!, returnedIsHeld: false));
        Assert.Empty(UnheldScalars(typeof(TemporaryScalarTests).GetMethod(nameof(HoldsOne), BindingFlags.NonPublic | BindingFlags.Static)!, returnedIsHeld: false));
    }

    private static torch.Tensor MakesOneOnTheSpot(torch.Tensor x) => x.mul(0.5);

    private static torch.Tensor HoldsOne(torch.Tensor x)
    {
        using var half = 0.5.ToScalar();
        return x.mul(half);
    }

    /// <summary>
    /// How <paramref name="method"/> (TorchSharp's) reaches an unheld Scalar, through calls and the lambdas
    /// it creates, or null. Virtual calls are followed to the method named, not to overrides.
    /// </summary>
    private static string? Chain(MethodBase method, Dictionary<MethodBase, string?> verdicts, HashSet<MethodBase> visiting)
    {
        if (verdicts.TryGetValue(method, out var known)) return known;
        if (!visiting.Add(method)) return null;
        string? found = UnheldScalars(method, returnedIsHeld: true).FirstOrDefault();
        if (found is null)
        {
            foreach (var call in IlInstructions.Of(method))
            {
                if (call.Method is not { } callee || callee.DeclaringType?.Assembly != TorchSharpAssembly || MakesScalar(callee)) continue;
                if (Chain(callee, verdicts, visiting) is { } deeper)
                {
                    found = $"{callee.DeclaringType!.Name}.{callee.Name} > {deeper}";
                    break;
                }
            }
        }
        visiting.Remove(method);
        verdicts[method] = found;
        return found;
    }
}
