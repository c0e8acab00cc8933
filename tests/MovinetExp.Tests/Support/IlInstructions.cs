using System.Reflection;
using System.Reflection.Emit;

namespace MovinetExp.Tests.Support;

/// <summary>One IL instruction of a method body: its opcode, and the method or local it names, if any.</summary>
public sealed record IlInstruction(OpCode OpCode, MethodBase? Method, int? Local);

/// <summary>
/// Decodes compiled method bodies (reflection only: opcode table from <see cref="OpCodes"/>, operands by
/// their documented sizes), so tests can check what the library's code calls, as compiled.
/// </summary>
public static class IlInstructions
{
    public const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<ushort, OpCode> Codes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    /// <summary>Every method and constructor with a body declared by the assembly's types (lambdas and iterators included).</summary>
    public static IEnumerable<MethodBase> MethodsOf(Assembly assembly) =>
        assembly.GetTypes().SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            .Where(m => m.GetMethodBody() is not null);

    public static IReadOnlyList<IlInstruction> Of(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException) { il = null; }
        var list = new List<IlInstruction>();
        if (il is null) return list;
        var type = method.DeclaringType;
        Type[]? typeArguments = type is { IsGenericType: true } ? type.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            ushort value = il[i] == 0xFE ? (ushort)(0xFE00 | il[i + 1]) : il[i];
            var code = Codes[value];
            i += code.Size;
            int operandSize = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            MethodBase? callee = null;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineTok)
            {
                try { callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments); }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or MissingMethodException or TypeLoadException) { }
            }
            list.Add(new IlInstruction(code, callee, LocalIndex(code, il, i)));
            i += operandSize;
        }
        return list;
    }

    private static int? LocalIndex(OpCode code, byte[] il, int operand)
    {
        short v = code.Value;
        if (v == OpCodes.Stloc_0.Value || v == OpCodes.Ldloc_0.Value) return 0;
        if (v == OpCodes.Stloc_1.Value || v == OpCodes.Ldloc_1.Value) return 1;
        if (v == OpCodes.Stloc_2.Value || v == OpCodes.Ldloc_2.Value) return 2;
        if (v == OpCodes.Stloc_3.Value || v == OpCodes.Ldloc_3.Value) return 3;
        if (v == OpCodes.Stloc_S.Value || v == OpCodes.Ldloc_S.Value || v == OpCodes.Ldloca_S.Value) return il[operand];
        if (v == OpCodes.Stloc.Value || v == OpCodes.Ldloc.Value || v == OpCodes.Ldloca.Value) return BitConverter.ToUInt16(il, operand);
        return null;
    }

    public static bool Stores(this IlInstruction instruction) => instruction.OpCode.Name!.StartsWith("stloc");

    public static bool Loads(this IlInstruction instruction) => instruction.OpCode.Name!.StartsWith("ldloc");
}
