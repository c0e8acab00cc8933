namespace MovinetExp.Models;

/// <summary>
/// One block layer of a stage: expansion width, depthwise kernel and stride
/// (written "E/t×h×w[/s2]" in the architecture document).
/// </summary>
public sealed record BlockSpec(int Expansion, Size3 Kernel, Size3 Stride)
{
    /// <summary>Parses the compact notation "184/5x3x3/s2" or "80/3x3x3".</summary>
    public static BlockSpec Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || (parts.Length == 3 && parts[2] != "s2"))
            throw new FormatException($"Block spec '{text}' is not of the form E/txhxw[/s2].");
        int[] k = parts[1].Split('x').Select(int.Parse).ToArray();
        if (k.Length != 3) throw new FormatException($"Kernel in block spec '{text}' must have 3 sizes.");
        return new BlockSpec(int.Parse(parts[0]), new Size3(k[0], k[1], k[2]),
            parts.Length == 3 ? Size3.Spatial2 : Size3.One);
    }

    public bool IsStrided => Stride != Size3.One;
}
