using MovinetExp.Common;

namespace MovinetExp.Data.Sources;

/// <summary>
/// UCF101's official split files: <c>classInd.txt</c> ("1 ApplyEyeMakeup"), <c>trainlistNN.txt</c>
/// ("ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1") and <c>testlistNN.txt</c> (same without the label).
/// The lists define the train and test partitions; val is carved from train by the request's policy.
/// </summary>
public static class Ucf101SplitListSource
{
    /// <summary>Reads the three list files; videos are looked up under <paramref name="videoRoot"/>.</summary>
    public static DatasetSplits Load(string videoRoot, string classIndexFile, string trainListFile, string testListFile, SplitRequest request)
    {
        if (!Directory.Exists(videoRoot))
            throw new DataException($"UCF101 video folder '{videoRoot}' does not exist; give the folder holding the class folders (UCF-101/).");
        videoRoot = Path.GetFullPath(videoRoot);
        var classIndex = ReadClassIndex(classIndexFile);
        var candidates = new List<VideoCandidate>();
        var excluded = new List<ExcludedFile>();
        ReadList(trainListFile, SplitName.Train, videoRoot, classIndex, candidates, excluded);
        ReadList(testListFile, SplitName.Test, videoRoot, classIndex, candidates, excluded);
        return SplitSelector.Select(videoRoot, candidates, excluded, request,
            $"UCF101 lists '{trainListFile}' + '{testListFile}'", classIndex.Keys);
    }

    /// <summary>Class name to 1-based index, as written in classInd.txt.</summary>
    private static Dictionary<string, int> ReadClassIndex(string path)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, number) in ListFileLines.Read(path))
        {
            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], out int id))
                throw new DataException($"{path} line {number}: expected '<index> <ClassName>', found '{TextExcerpt.Of(line)}'.");
            if (!index.TryAdd(parts[1], id))
                throw new DataException($"{path} line {number}: class '{TextExcerpt.Of(parts[1])}' appears twice.");
        }
        if (index.Count == 0) throw new DataException($"Class index '{path}' lists no classes.");
        return index;
    }

    private static void ReadList(string path, SplitName partition, string videoRoot, Dictionary<string, int> classIndex,
        List<VideoCandidate> candidates, List<ExcludedFile> excluded)
    {
        foreach (var (line, number) in ListFileLines.Read(path))
        {
            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            string relative = parts[0].Replace('\\', '/');
            int slash = relative.IndexOf('/');
            if (parts.Length > 2 || slash <= 0)
                throw new DataException($"{path} line {number}: expected '<Class>/<file> [label]', found '{TextExcerpt.Of(line)}'.");
            string className = relative[..slash];
            if (!classIndex.TryGetValue(className, out int id))
                throw new DataException($"{path} line {number}: class '{TextExcerpt.Of(className)}' is not in the class index.");
            if (parts.Length == 2 && (!int.TryParse(parts[1], out int label) || label != id))
                throw new DataException($"{path} line {number}: label '{TextExcerpt.Of(parts[1])}' does not match class '{className}' (index {id}).");
            string file = Path.Combine(videoRoot, relative);
            if (File.Exists(file)) candidates.Add(new VideoCandidate(file, className, partition));
            else excluded.Add(new ExcludedFile(file, $"listed in {Path.GetFileName(path)} line {number} but missing"));
        }
    }
}
