using System.Globalization;
using Spectre.Console;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// Checks of option values, made in the commands' Validate before any work: an out-of-range value is a
/// usage error (exit 2) naming the option, never a data error or a crash later. Ranges are worded like
/// the spec's ("an integer between 1 and 512") so the CLI and YAML read alike.
/// </summary>
internal static class OptionChecks
{
    /// <summary>The first failed check, or success.</summary>
    public static ValidationResult First(params ValidationResult[] checks) =>
        checks.FirstOrDefault(c => !c.Successful) ?? ValidationResult.Success();

    /// <summary>Null (not given) or an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ValidationResult Integer(string name, int? value, int min, int max) =>
        value is not int v || v >= min && v <= max
            ? ValidationResult.Success()
            : ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"{name} must be an integer between {min} and {max}, not {v}"));

    /// <summary>An integer of at least <paramref name="min"/>.</summary>
    public static ValidationResult AtLeast(string name, int value, int min) =>
        value >= min
            ? ValidationResult.Success()
            : ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min}, not {value}"));

    /// <summary>Null (not given) or a number in (0, <paramref name="max"/>]; NaN and infinities fail.</summary>
    public static ValidationResult Positive(string name, double? value, double max) =>
        value is not double v || v > 0 && v <= max
            ? ValidationResult.Success()
            : ValidationResult.Error(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number > 0 and <= {max}, not '{v}'"));

    /// <summary>
    /// Null (not given) or a file that can be created: not a folder, in a folder that exists. Checked
    /// before the work whose result it will hold, not after.
    /// </summary>
    public static ValidationResult OutputFile(string name, string? path)
    {
        if (path is null) return ValidationResult.Success();
        if (Directory.Exists(path))
            return ValidationResult.Error($"{name} {path} is a folder; give a file name in it, e.g. {Path.Combine(path, "out.npy")}");
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Directory.Exists(folder)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{name} {path}: the folder {folder} does not exist; create it first or write the file elsewhere");
    }
}
