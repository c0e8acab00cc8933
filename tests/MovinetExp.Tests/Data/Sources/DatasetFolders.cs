using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Sources;

/// <summary>
/// Scratch datasets of small dummy files with UCF101 names (sources list files and never decode
/// them, so bytes do not need to be video). Each file's content is its name, so hashes differ.
/// </summary>
internal static class DatasetFolders
{
    /// <summary>root/&lt;Class&gt;/v_&lt;Class&gt;_gGG_cCC.avi for every class, group and clip.</summary>
    public static string Ucf101Like(string[] classes, int groups, int clipsPerGroup, string? under = null)
    {
        string root = under ?? TestPaths.NewScratchFolder("dataset");
        foreach (string cls in classes)
        {
            Directory.CreateDirectory(Path.Combine(root, cls));
            for (int g = 1; g <= groups; g++)
                for (int c = 1; c <= clipsPerGroup; c++)
                {
                    string name = $"v_{cls}_g{g:00}_c{c:00}.avi";
                    File.WriteAllText(Path.Combine(root, cls, name), name);
                }
        }
        return root;
    }

    public static string SharedUcf101 => Path.Combine(TestPaths.Videos, "ucf101");
}
