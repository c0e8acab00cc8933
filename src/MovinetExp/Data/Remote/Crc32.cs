namespace MovinetExp.Data.Remote;

/// <summary>
/// CRC-32 as zip and zlib use it (reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF).
/// Written here because System.IO.Hashing is not referenced. Feed data with <see cref="Append"/>.
/// </summary>
public sealed class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private uint _state = 0xFFFFFFFFu;

    /// <summary>The CRC of everything appended so far.</summary>
    public uint Value => ~_state;

    /// <summary>Adds bytes to the running CRC.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        uint crc = _state;
        foreach (byte b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        _state = crc;
    }

    /// <summary>The CRC of one buffer.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = new Crc32();
        crc.Append(data);
        return crc.Value;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
