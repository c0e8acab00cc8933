using System.Text;
using MovinetExp.Common;

namespace MovinetExp.Specs;

/// <summary>Identity of a resolved spec: SHA-256 of its <see cref="SpecWriter.ToYaml"/> text.</summary>
public static class SpecHash
{
    /// <summary>64 lowercase hex digits.</summary>
    public static string Of(ExperimentSpec spec) => FileHashes.Sha256(Encoding.UTF8.GetBytes(SpecWriter.ToYaml(spec)));

    /// <summary>The first 8 hex digits, for run-folder names.</summary>
    public static string Short(ExperimentSpec spec) => Of(spec)[..8];
}
