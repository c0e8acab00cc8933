using System.Reflection;
using TorchSharp;

namespace MovinetExp.Native;

/// <summary>Versions that a result depends on, recorded in every run's environment.json.</summary>
public static class RuntimeVersions
{
    public static string Tool =>
        typeof(RuntimeVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(RuntimeVersions).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static string TorchSharp =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The LibTorch version as LibTorch reports it (e.g. "2.10.0+cpu").</summary>
    public static string LibTorch => torch.__version__;

    public static string DotNet => Environment.Version.ToString();
}
