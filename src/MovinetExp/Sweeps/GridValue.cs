using System.Text.Json.Serialization;

namespace MovinetExp.Sweeps;

/// <summary>The value one sweep point gives one grid key: applied to the spec exactly like `--set Key=Value`.</summary>
public sealed record GridValue(string Key, string Value)
{
    /// <summary>The `--set` override this value is.</summary>
    [JsonIgnore]
    public string Override => $"{Key}={Value}";
}
