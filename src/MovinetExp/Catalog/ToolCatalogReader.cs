using System.Text.Json;
using System.Text.RegularExpressions;
using MovinetExp.Common;
using MovinetExp.Models;
using MovinetExp.IO.Downloads;

namespace MovinetExp.Catalog;

/// <summary>Parses <c>tool.json</c> and checks every entry, collecting all problems before failing.</summary>
internal static class ToolCatalogReader
{
    private const string Subject = "tool catalogue";
    private static readonly string[] RootKeys = { "cache_folder", "datasets", "checkpoints", "download" };
    private static readonly string[] DownloadKeys = { "connect_timeout_seconds", "read_timeout_seconds", "attempts", "retry_delay_seconds" };
    private const double MaxTimeoutSeconds = 300; // the HTTP client's own limit on waiting for an answer
    private static readonly string[] CheckpointKeys = { "url", "file", "sha256" };
    private static readonly string[] DatasetKeys = { "url" };
    private static readonly string[] RequiredDatasets = { "ucf101" };

    public static ToolCatalog Read(string file, Func<string, string?> environment)
    {
        using JsonDocument json = Parse(file);
        var problems = new SpecProblems();
        var check = new Checker(file, problems);
        JsonElement root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(file, "", $"expected a JSON object, got {root.ValueKind}", "see the tool.json shipped with the tool");
            problems.ThrowIfAny(file, Subject);
        }
        check.OnlyKnownKeys(root, "", RootKeys);

        string? cacheFolder = null;
        if (check.String(root, "", "cache_folder") is { } configured)
        {
            (cacheFolder, string? error) = CacheFolderPath.Resolve(configured, environment);
            if (error is not null) problems.Add(file, "cache_folder", error, "use e.g. \"~/.cache/movinet-exp\", or set MOVINET_CACHE");
        }
        var datasets = ReadDatasets(root, check);
        var checkpoints = ReadCheckpoints(root, check);
        var download = ReadDownload(root, check);

        problems.ThrowIfAny(file, Subject);
        return new ToolCatalog(file, cacheFolder!, datasets, checkpoints, download);
    }

    private static JsonDocument Parse(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file}: cannot read the tool catalogue ({e.Message}). " +
                                    $"Set {ToolCatalog.PathVariable} to a catalogue file, or reinstall the tool so {ToolCatalog.FileName} sits next to it.", e);
        }
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{file}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: the tool catalogue is not valid JSON: {e.Message}", e);
        }
    }

    private static Dictionary<string, DatasetEntry> ReadDatasets(JsonElement root, Checker check)
    {
        var datasets = new Dictionary<string, DatasetEntry>(StringComparer.Ordinal);
        if (check.Object(root, "", "datasets") is not { } section) return datasets;
        foreach (JsonProperty dataset in section.EnumerateObject())
        {
            string path = $"datasets.{dataset.Name}";
            if (dataset.Value.ValueKind != JsonValueKind.Object)
            {
                check.Problem(path, "expected an object with a url", "write {\"url\": \"https://...\"}");
                continue;
            }
            check.OnlyKnownKeys(dataset.Value, path, DatasetKeys);
            if (check.Url(dataset.Value, path) is { } url) datasets[dataset.Name] = new DatasetEntry(url);
        }
        foreach (string name in RequiredDatasets.Where(n => !section.TryGetProperty(n, out _)))
            check.Problem($"datasets.{name}", "missing", $"add \"{name}\": {{\"url\": \"https://...\"}} under datasets");
        return datasets;
    }

    private static Dictionary<(ModelId, MovinetVariant), CheckpointEntry> ReadCheckpoints(JsonElement root, Checker check)
    {
        var entries = new Dictionary<(ModelId, MovinetVariant), CheckpointEntry>();
        if (check.Object(root, "", "checkpoints") is not { } section) return entries;
        string[] ids = EnumNames.AllOf(typeof(ModelId)).ToArray();
        string[] variants = EnumNames.AllOf(typeof(MovinetVariant)).ToArray();
        check.OnlyKnownKeys(section, "checkpoints", ids);
        foreach (ModelId id in Enum.GetValues<ModelId>())
        {
            string idPath = $"checkpoints.{EnumNames.Of(id)}";
            if (check.Object(section, "checkpoints", EnumNames.Of(id)) is not { } model) continue;
            check.OnlyKnownKeys(model, idPath, variants);
            foreach (MovinetVariant variant in Enum.GetValues<MovinetVariant>())
            {
                string path = $"{idPath}.{EnumNames.Of(variant)}";
                if (check.Object(model, idPath, EnumNames.Of(variant)) is not { } entry) continue;
                check.OnlyKnownKeys(entry, path, CheckpointKeys);
                string? url = check.Url(entry, path);
                string? file = check.ArchiveFileName(entry, path);
                bool shaOk = check.OptionalSha256(entry, path, out string? sha256);
                if (url is not null && file is not null && shaOk) entries[(id, variant)] = new CheckpointEntry(url, file, sha256);
            }
        }
        return entries;
    }

    /// <summary>The optional <c>download</c> section; every key in it is optional too.</summary>
    private static DownloadSettings ReadDownload(JsonElement root, Checker check)
    {
        var defaults = DownloadSettings.Default;
        if (!root.TryGetProperty("download", out JsonElement section)) return defaults;
        if (section.ValueKind != JsonValueKind.Object)
        {
            check.Problem("download", "expected an object", "write {\"read_timeout_seconds\": 60, \"attempts\": 3}, or leave the section out");
            return defaults;
        }
        check.OnlyKnownKeys(section, "download", DownloadKeys);
        double? connect = check.OptionalNumber(section, "download", "connect_timeout_seconds", 0.01, MaxTimeoutSeconds);
        double? read = check.OptionalNumber(section, "download", "read_timeout_seconds", 0.01, MaxTimeoutSeconds);
        double? attempts = check.OptionalNumber(section, "download", "attempts", 1, 100, integer: true);
        double? delay = check.OptionalNumber(section, "download", "retry_delay_seconds", 0, 600);
        return new DownloadSettings(
            connect is { } c ? TimeSpan.FromSeconds(c) : defaults.ConnectTimeout,
            read is { } r ? TimeSpan.FromSeconds(r) : defaults.ReadTimeout,
            attempts is { } a ? (int)a : defaults.Attempts,
            delay is { } d ? TimeSpan.FromSeconds(d) : defaults.RetryDelay);
    }

    /// <summary>Typed access to JSON members that records a problem (with the key path) for each bad one.</summary>
    private sealed class Checker
    {
        private readonly string _file;
        private readonly SpecProblems _problems;

        public Checker(string file, SpecProblems problems)
        {
            _file = file;
            _problems = problems;
        }

        public void Problem(string path, string message, string hint) => _problems.Add(_file, path, message, hint);

        public void OnlyKnownKeys(JsonElement obj, string path, IReadOnlyCollection<string> known)
        {
            foreach (JsonProperty p in obj.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                string? suggestion = DidYouMean.Suggest(p.Name, known);
                string allowed = $"keys allowed{(path.Length == 0 ? "" : " in " + path)}: {string.Join(", ", known)}";
                Problem(Join(path, p.Name), $"unknown key '{p.Name}'", suggestion is null ? allowed : $"did you mean '{suggestion}'? {allowed}");
            }
        }

        public JsonElement? Object(JsonElement parent, string parentPath, string key)
        {
            string path = Join(parentPath, key);
            if (!parent.TryGetProperty(key, out JsonElement value))
            {
                Problem(path, "missing", $"add \"{key}\": {{...}}; see the tool.json shipped with the tool");
                return null;
            }
            if (value.ValueKind == JsonValueKind.Object) return value;
            Problem(path, $"expected an object, got {Describe(value)}", "see the tool.json shipped with the tool");
            return null;
        }

        public string? String(JsonElement parent, string parentPath, string key)
        {
            string path = Join(parentPath, key);
            if (!parent.TryGetProperty(key, out JsonElement value))
            {
                Problem(path, "missing", $"add \"{key}\": \"...\"");
                return null;
            }
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s) return s;
            Problem(path, $"expected a non-empty string, got {Describe(value)}", $"write \"{key}\": \"...\"");
            return null;
        }

        public string? Url(JsonElement entry, string path)
        {
            if (String(entry, path, "url") is not { } url) return null;
            if (Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return url;
            Problem($"{path}.url", $"expected an absolute http(s) URL, got \"{url}\"", "write the full address, starting with https://");
            return null;
        }

        public string? ArchiveFileName(JsonElement entry, string path)
        {
            if (String(entry, path, "file") is not { } file) return null;
            if (file.EndsWith(".tar.gz", StringComparison.Ordinal) && file.IndexOfAny(new[] { '/', '\\' }) < 0 && file != ".tar.gz")
                return file;
            Problem($"{path}.file", $"expected a file name ending in .tar.gz (no folders), got \"{file}\"", "write the archive's file name, e.g. \"movinet_a0_base.tar.gz\"");
            return null;
        }

        public bool OptionalSha256(JsonElement entry, string path, out string? sha256)
        {
            sha256 = null;
            if (!entry.TryGetProperty("sha256", out JsonElement value) || value.ValueKind == JsonValueKind.Null) return true;
            if (value.ValueKind == JsonValueKind.String && Regex.IsMatch(value.GetString()!, "^[0-9a-f]{64}$"))
            {
                sha256 = value.GetString();
                return true;
            }
            Problem($"{path}.sha256", $"expected null or 64 lowercase hex digits, got {Describe(value)}", "write null to skip the check, or the archive's sha256sum");
            return false;
        }

        /// <summary>An optional number in [min, max] (a whole one when <paramref name="integer"/>); null when absent or bad.</summary>
        public double? OptionalNumber(JsonElement parent, string parentPath, string key, double min, double max, bool integer = false)
        {
            if (!parent.TryGetProperty(key, out JsonElement value)) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double v) && v >= min && v <= max && (!integer || v == Math.Floor(v)))
                return v;
            string kind = integer ? "a whole number" : "a number";
            Problem(Join(parentPath, key), $"expected {kind} between {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} and " +
                $"{max.ToString(System.Globalization.CultureInfo.InvariantCulture)}, got {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value))}", $"write \"{key}\": {(integer ? "3" : "30")}, or leave it out for the default");
            return null;
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

        private static string Describe(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : EnumNames.Of(value.ValueKind);
    }
}
