using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Checkpoints.Format;

/// <summary>Folders and prefixes of the genuine TF fixtures (numbers as in the fixture README).</summary>
public static class FixtureNames
{
    public const string DenseAdam = "tf2-keras-dense-adam-savedmodel";        // 3
    public const string LstmNewOptimizer = "tf2-keras-lstm-newopt-savedmodel"; // 5
    public const string Tf2Snappy = "tf2-savedmodel-snappy";                   // 6
    public const string Tf1Snappy = "tf1-savedmodel-snappy";                   // 7
    public const string NameBased = "tf1-name-based";                          // 8
    public const string T5IndexOnly = "t5x-mtf-tiny-index-only";               // 9

    public static readonly string[] All = [DenseAdam, LstmNewOptimizer, Tf2Snappy, Tf1Snappy, NameBased, T5IndexOnly];

    public static TheoryData<string> AllFolders => new(All);

    /// <summary>Fixtures whose index TensorFlow wrote uncompressed, so the writer must reproduce it byte for byte.</summary>
    public static TheoryData<string> UncompressedFolders => new(DenseAdam, LstmNewOptimizer, NameBased);

    public static string Folder(string name) => Path.Combine(TestPaths.CheckpointFixtures, name);

    public static string Prefix(string name) => FixtureReadme.RowsOf(name).First().Prefix;

    /// <summary>Copies a fixture folder into a fresh scratch folder that tests may damage.</summary>
    public static string CopyToScratch(string name)
    {
        string target = TestPaths.NewScratchFolder("ckpt-" + name);
        foreach (string file in Directory.GetFiles(Folder(name)))
        {
            string copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal); // the shared originals are read-only
        }
        return target;
    }
}
