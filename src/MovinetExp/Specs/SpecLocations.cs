namespace MovinetExp.Specs;

/// <summary>Where each key of a bound spec was written, so rules checked after binding can point at it.</summary>
internal sealed class SpecLocations
{
    private readonly Dictionary<string, string> _byPath = new(StringComparer.Ordinal);
    private readonly string _documentStart;

    public SpecLocations(string documentStart) => _documentStart = documentStart;

    public void Record(string path, string location) => _byPath[path] = location;

    /// <summary>The location of the key, else of its closest written parent section, else the file start.</summary>
    public string Of(string path)
    {
        for (string p = path; p.Length > 0; p = p.Contains('.') ? p[..p.LastIndexOf('.')] : "")
        {
            if (_byPath.TryGetValue(p, out string? location)) return location;
        }
        return _documentStart;
    }
}
