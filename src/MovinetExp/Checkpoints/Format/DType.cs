namespace MovinetExp.Checkpoints.Format;

/// <summary>TensorFlow <c>DataType</c> values (types.proto) that can appear in a checkpoint entry.</summary>
public enum DType
{
    Invalid = 0,
    Float = 1,
    Double = 2,
    Int32 = 3,
    UInt8 = 4,
    Int16 = 5,
    Int8 = 6,
    String = 7,
    Complex64 = 8,
    Int64 = 9,
    Bool = 10,
    QInt8 = 11,
    QUInt8 = 12,
    QInt32 = 13,
    BFloat16 = 14,
    QInt16 = 15,
    QUInt16 = 16,
    UInt16 = 17,
    Complex128 = 18,
    Half = 19,
    Resource = 20,
    Variant = 21,
    UInt32 = 22,
    UInt64 = 23,
}

/// <summary>Names and element sizes of <see cref="DType"/> values.</summary>
public static class DTypes
{
    /// <summary>The short name used by tf.dtypes and printed by the tool: float32, int64, bfloat16, string, ...</summary>
    public static string Name(this DType dtype) => dtype switch
    {
        DType.Float => "float32",
        DType.Double => "float64",
        DType.Int32 => "int32",
        DType.UInt8 => "uint8",
        DType.Int16 => "int16",
        DType.Int8 => "int8",
        DType.String => "string",
        DType.Complex64 => "complex64",
        DType.Int64 => "int64",
        DType.Bool => "bool",
        DType.QInt8 => "qint8",
        DType.QUInt8 => "quint8",
        DType.QInt32 => "qint32",
        DType.BFloat16 => "bfloat16",
        DType.QInt16 => "qint16",
        DType.QUInt16 => "quint16",
        DType.UInt16 => "uint16",
        DType.Complex128 => "complex128",
        DType.Half => "float16",
        DType.Resource => "resource",
        DType.Variant => "variant",
        DType.UInt32 => "uint32",
        DType.UInt64 => "uint64",
        _ => $"dtype({(int)dtype})",
    };

    /// <summary>Bytes per element for fixed-size types; null for string, variant, resource and unknown values.</summary>
    public static int? ElementSize(this DType dtype) => dtype switch
    {
        DType.Float or DType.Int32 or DType.QInt32 or DType.UInt32 => 4,
        DType.Double or DType.Int64 or DType.UInt64 or DType.Complex64 => 8,
        DType.Complex128 => 16,
        DType.Int16 or DType.UInt16 or DType.QInt16 or DType.QUInt16 or DType.BFloat16 or DType.Half => 2,
        DType.Int8 or DType.UInt8 or DType.QInt8 or DType.QUInt8 or DType.Bool => 1,
        _ => null,
    };
}
