using System.Text.RegularExpressions;

namespace MovinetExp.Catalog;

/// <summary>
/// Turns the catalogue's <c>cache_folder</c> into an absolute path. Order of precedence:
/// <c>MOVINET_CACHE</c> (used as is), then the configured value with <c>~</c> and <c>$VAR</c>/<c>${VAR}</c>
/// expanded. Because <c>~/.cache</c> is the XDG default for <c>$XDG_CACHE_HOME</c>, a configured path
/// under <c>~/.cache/</c> moves under <c>$XDG_CACHE_HOME</c> when that variable is set.
/// </summary>
public static partial class CacheFolderPath
{
    public const string OverrideVariable = "MOVINET_CACHE";

    /// <summary>The cache folder of the shipped catalogue (tool.json), for what is cached before any
    /// catalogue is read.</summary>
    public const string Default = "~/.cache/movinet-exp";
    private const string XdgVariable = "XDG_CACHE_HOME";

    /// <summary>The absolute cache folder for <paramref name="configured"/> under the given environment.</summary>
    /// <param name="environment">Looks up an environment variable (null when unset).</param>
    /// <returns>The path, or an error text naming what could not be expanded.</returns>
    public static (string? Path, string? Error) Resolve(string configured, Func<string, string?> environment)
    {
        if (NonEmpty(environment(OverrideVariable)) is { } forced) return (System.IO.Path.GetFullPath(ExpandHome(forced, environment)), null);

        string home = Home(environment);
        string xdg = NonEmpty(environment(XdgVariable)) ?? System.IO.Path.Combine(home, ".cache");
        string value = configured;
        if (NonEmpty(environment(XdgVariable)) is not null && value.StartsWith("~/.cache/", StringComparison.Ordinal))
            value = xdg + value["~/.cache".Length..];

        string? missing = null;
        value = Variable().Replace(value, m =>
        {
            string name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["plain"].Value;
            string? v = name == XdgVariable ? xdg : NonEmpty(environment(name));
            if (v is null) missing ??= name;
            return v ?? m.Value;
        });
        if (missing is not null) return (null, $"environment variable ${missing} is not set");

        value = ExpandHome(value, environment);
        if (!System.IO.Path.IsPathRooted(value)) return (null, $"expected an absolute path (or one starting with ~ or $XDG_CACHE_HOME), got \"{configured}\"");
        return (System.IO.Path.GetFullPath(value), null);
    }

    private static string ExpandHome(string value, Func<string, string?> environment) =>
        value == "~" ? Home(environment) :
        value.StartsWith("~/", StringComparison.Ordinal) ? System.IO.Path.Combine(Home(environment), value[2..]) : value;

    private static string Home(Func<string, string?> environment) =>
        NonEmpty(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?<plain>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Variable();
}
