using System.Text;

namespace MovinetExp.Interop;

/// <summary>
/// The header dictionary of a .npy file (NumPy format versions 1.0, 2.0, 3.0), e.g.
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>.
/// Parsing failures are reported as <see cref="FormatException"/> for the reader to wrap with the file name.
/// </summary>
internal sealed record NpyHeader(string Descr, bool FortranOrder, int[] Shape)
{
    public static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Parses the Python literal dict; the three keys must be present and no others are expected.</summary>
    public static NpyHeader Parse(string text)
    {
        var parser = new PythonLiteralParser(text);
        var dict = parser.ParseDict();
        if (!dict.TryGetValue("descr", out object? descr) || descr is not string descrText)
            throw new FormatException("header has no string 'descr' (the dtype)");
        if (!dict.TryGetValue("fortran_order", out object? fortran) || fortran is not bool fortranOrder)
            throw new FormatException("header has no boolean 'fortran_order'");
        if (!dict.TryGetValue("shape", out object? shape) || shape is not List<object> dims)
            throw new FormatException("header has no tuple 'shape'");
        var unknown = dict.Keys.Except(["descr", "fortran_order", "shape"]).ToList();
        if (unknown.Count > 0)
            throw new FormatException($"header has unexpected keys {string.Join(", ", unknown)}");
        var shapeValues = dims.Select(d => d switch
        {
            long v and >= 0 and <= int.MaxValue => (int)v,
            long v and > int.MaxValue => throw new FormatException($"shape entry {v} is larger than {int.MaxValue}, the largest dimension an array can have"),
            _ => throw new FormatException($"shape entry '{d}' is not a non-negative integer"),
        }).ToArray();
        return new NpyHeader(descrText, fortranOrder, shapeValues);
    }

    /// <summary>The dict text as NumPy writes it (shape tuples of one element keep their trailing comma).</summary>
    public string Format()
    {
        string shape = Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";
        return $"{{'descr': '{Descr}', 'fortran_order': {(FortranOrder ? "True" : "False")}, 'shape': {shape}, }}";
    }

    /// <summary>Encoding of the header text: Latin-1 up to version 2, UTF-8 from version 3.</summary>
    public static Encoding EncodingFor(int majorVersion) => majorVersion >= 3 ? Encoding.UTF8 : Encoding.Latin1;
}
