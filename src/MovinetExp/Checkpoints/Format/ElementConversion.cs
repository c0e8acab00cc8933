using System.Runtime.InteropServices;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// Converts little-endian element bytes of fixed-size dtypes to .NET arrays. Each method returns
/// null when the dtype has no sensible conversion (the caller names the tensor in its error).
/// </summary>
internal static class ElementConversion
{
    /// <summary>Floating types to float32; float64 is rounded to nearest.</summary>
    public static float[]? ToFloat32(DType dtype, ReadOnlySpan<byte> bytes) => dtype switch
    {
        DType.Float => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
        DType.Double => Map(MemoryMarshal.Cast<byte, double>(bytes), v => (float)v),
        DType.Half => Map(MemoryMarshal.Cast<byte, Half>(bytes), v => (float)v),
        DType.BFloat16 => Map(MemoryMarshal.Cast<byte, ushort>(bytes), BFloat16ToFloat),
        _ => null,
    };

    /// <summary>Every real numeric dtype (and bool as 0/1) to float64, e.g. for checksums of values.</summary>
    public static double[]? ToDoubles(DType dtype, ReadOnlySpan<byte> bytes) => dtype switch
    {
        DType.Float => Map(MemoryMarshal.Cast<byte, float>(bytes), v => (double)v),
        DType.Double => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
        DType.Half => Map(MemoryMarshal.Cast<byte, Half>(bytes), v => (double)v),
        DType.BFloat16 => Map(MemoryMarshal.Cast<byte, ushort>(bytes), v => (double)BFloat16ToFloat(v)),
        DType.Bool or DType.UInt8 or DType.QUInt8 => Map(bytes, v => (double)v),
        DType.Int8 or DType.QInt8 => Map(MemoryMarshal.Cast<byte, sbyte>(bytes), v => (double)v),
        DType.Int16 or DType.QInt16 => Map(MemoryMarshal.Cast<byte, short>(bytes), v => (double)v),
        DType.UInt16 or DType.QUInt16 => Map(MemoryMarshal.Cast<byte, ushort>(bytes), v => (double)v),
        DType.Int32 or DType.QInt32 => Map(MemoryMarshal.Cast<byte, int>(bytes), v => (double)v),
        DType.UInt32 => Map(MemoryMarshal.Cast<byte, uint>(bytes), v => (double)v),
        DType.Int64 => Map(MemoryMarshal.Cast<byte, long>(bytes), v => (double)v),
        DType.UInt64 => Map(MemoryMarshal.Cast<byte, ulong>(bytes), v => (double)v),
        _ => null,
    };

    /// <summary>Integer dtypes that fit losslessly in int64.</summary>
    public static long[]? ToInt64(DType dtype, ReadOnlySpan<byte> bytes) => dtype switch
    {
        DType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
        DType.Int32 or DType.QInt32 => Map(MemoryMarshal.Cast<byte, int>(bytes), v => (long)v),
        DType.UInt32 => Map(MemoryMarshal.Cast<byte, uint>(bytes), v => (long)v),
        DType.Int16 or DType.QInt16 => Map(MemoryMarshal.Cast<byte, short>(bytes), v => (long)v),
        DType.UInt16 or DType.QUInt16 => Map(MemoryMarshal.Cast<byte, ushort>(bytes), v => (long)v),
        DType.Int8 or DType.QInt8 => Map(MemoryMarshal.Cast<byte, sbyte>(bytes), v => (long)v),
        DType.UInt8 or DType.QUInt8 => Map(bytes, v => (long)v),
        _ => null,
    };

    /// <summary>Integer dtypes that fit losslessly in int32.</summary>
    public static int[]? ToInt32(DType dtype, ReadOnlySpan<byte> bytes) => dtype switch
    {
        DType.Int32 or DType.QInt32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
        DType.Int16 or DType.QInt16 => Map(MemoryMarshal.Cast<byte, short>(bytes), v => (int)v),
        DType.UInt16 or DType.QUInt16 => Map(MemoryMarshal.Cast<byte, ushort>(bytes), v => (int)v),
        DType.Int8 or DType.QInt8 => Map(MemoryMarshal.Cast<byte, sbyte>(bytes), v => (int)v),
        DType.UInt8 or DType.QUInt8 => Map(bytes, v => (int)v),
        _ => null,
    };

    /// <summary>bfloat16 is the upper half of an IEEE float32, so widening is a shift.</summary>
    public static float BFloat16ToFloat(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);

    private static TOut[] Map<TIn, TOut>(ReadOnlySpan<TIn> values, Func<TIn, TOut> convert)
    {
        var result = new TOut[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = convert(values[i]);
        return result;
    }
}
