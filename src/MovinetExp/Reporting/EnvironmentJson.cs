using MovinetExp.Common;
using MovinetExp.IO;

namespace MovinetExp.Reporting;

/// <summary>Writes and reads environment.json (snake_case properties, in <see cref="EnvironmentInfo"/>'s order).</summary>
public static class EnvironmentJson
{
    /// <summary>Atomically writes environment.json.</summary>
    public static void Write(string path, EnvironmentInfo info) => SnakeCaseJson.Write(path, info);

    /// <exception cref="DataException">The file is not an environment.json of this tool.</exception>
    public static EnvironmentInfo Read(string path) =>
        SnakeCaseJson.Read<EnvironmentInfo>(path, "It is written by `dotnet movinet run`.");
}
