using System.Globalization;

namespace MovinetExp.Checkpoints.Format;

/// <summary>File names of a bundle with prefix P: <c>P.index</c> and <c>P.data-SSSSS-of-NNNNN</c>.</summary>
public static class BundleFileNames
{
    public const string IndexSuffix = ".index";

    public static string IndexPath(string prefix) => prefix + IndexSuffix;

    /// <summary>Data file of shard <paramref name="shardId"/>, both numbers zero-padded to 5 digits as TensorFlow does.</summary>
    public static string DataPath(string prefix, int shardId, int numShards) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}.data-{shardId:D5}-of-{numShards:D5}");
}
