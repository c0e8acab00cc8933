using System.Text.Json;

namespace MovinetExp.Data.Synthetic;

/// <summary>
/// The index file in a synthetic set's root: the options fingerprint, whether generation finished,
/// and the files it wrote (relative paths). Its presence also marks the folder as ours to overwrite.
/// </summary>
internal sealed record SyntheticMarker(string Fingerprint, bool Complete, string[] Files)
{
    public const string FileName = "synthetic-dataset.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static SyntheticMarker? Read(string root)
    {
        string path = Path.Combine(root, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<SyntheticMarker>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return new SyntheticMarker("", false, []); // ours but unreadable: regenerate
        }
    }

    public void Write(string root)
    {
        string path = Path.Combine(root, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>True when this marker describes a finished set made with <paramref name="fingerprint"/> whose files all exist.</summary>
    public bool IsReusable(string root, string fingerprint) =>
        Complete && Fingerprint == fingerprint && Files.All(f => File.Exists(Path.Combine(root, f)));
}
