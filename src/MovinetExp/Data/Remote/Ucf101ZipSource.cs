using MovinetExp.IO.Downloads;
using MovinetExp.Common;
using MovinetExp.Data.Sources;

namespace MovinetExp.Data.Remote;

/// <summary>
/// UCF101 straight from its zip on a web server or on local disk (a file:// URL; entries
/// <c>UCF101/&lt;Class&gt;/v_&lt;Class&gt;_gGG_cCC.avi</c>): classes come from the central directory, files are
/// selected like any other source, and only the selected entries are extracted into a cache folder,
/// where later runs find them again.
/// </summary>
public static class Ucf101ZipSource
{
    /// <summary>The official location of the UCF101 videos zip used by the TF tutorial.</summary>
    public static readonly Uri OfficialUrl = new("https://storage.googleapis.com/thumos14_files/UCF101_videos.zip");

    /// <summary>Lists the zip, selects classes and files, downloads the chosen entries, and returns the splits.</summary>
    /// <param name="cacheFolder">Where entries are extracted, keeping their zip paths; also the splits' root.</param>
    /// <param name="progress">Compressed bytes downloaded so far, and the total for all chosen entries.</param>
    /// <param name="client">Optional HTTP client; the shared one otherwise.</param>
    /// <param name="settings">Attempts for the range reads (the catalogue's download section); the defaults when null.</param>
    public static async Task<DatasetSplits> LoadAsync(
        Uri zipUrl, string cacheFolder, SplitRequest request,
        IProgress<(long Done, long? Total)>? progress = null, HttpClient? client = null, CancellationToken ct = default,
        DownloadSettings? settings = null)
    {
        var reader = ZipLocation.Reader(zipUrl, client, settings);
        var zip = await RemoteZip.OpenAsync(reader, ct);
        var (candidates, excluded, byName) = Catalogue(zip);
        string root = Path.GetFullPath(cacheFolder);
        var chosen = SplitSelector.Select(root, candidates, excluded, request, $"zip {reader.Name}");
        var all = chosen.Train.Concat(chosen.Val).Concat(chosen.Test).ToList();
        long total = all.Sum(item => byName[item.Path].CompressedSize);
        long done = 0;
        var localPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in all)
        {
            var entry = byName[item.Path];
            long before = done;
            var entryProgress = progress is null ? null : new SyncProgress<long>(bytes => progress.Report((before + bytes, total)));
            localPaths[item.Path] = await zip.ExtractAsync(entry, root, entryProgress, ct);
            done += entry.CompressedSize;
            progress?.Report((done, total));
        }

        IReadOnlyList<VideoItem> Local(IReadOnlyList<VideoItem> items) => items.Select(i => i with { Path = localPaths[i.Path] }).ToList();
        return chosen with { Train = Local(chosen.Train), Val = Local(chosen.Val), Test = Local(chosen.Test) };
    }

    /// <summary>Class names (ordinal order) and their video counts, from the central directory only.</summary>
    public static async Task<IReadOnlyList<(string ClassName, int Videos)>> ListClassesAsync(
        Uri zipUrl, HttpClient? client = null, CancellationToken ct = default)
    {
        var zip = await RemoteZip.OpenAsync(ZipLocation.Reader(zipUrl, client), ct);
        return Catalogue(zip).Candidates
            .GroupBy(c => c.ClassName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .ToList();
    }

    /// <summary>Videos are entries <c>.../&lt;Class&gt;/&lt;file&gt;</c> with a video extension; the class is the parent folder.</summary>
    private static (List<VideoCandidate> Candidates, List<ExcludedFile> Excluded, Dictionary<string, RemoteZipEntry> ByName) Catalogue(RemoteZip zip)
    {
        var byName = new Dictionary<string, RemoteZipEntry>(StringComparer.Ordinal);
        var candidates = new List<VideoCandidate>();
        var excluded = new List<ExcludedFile>();
        foreach (var entry in zip.Entries.Where(e => !e.IsDirectory))
        {
            string[] segments = entry.Name.Split('/');
            if (segments.Length < 2) excluded.Add(new ExcludedFile(entry.Name, "not inside a class folder"));
            else if (!VideoFiles.IsVideo(entry.Name)) excluded.Add(new ExcludedFile(entry.Name, "not a video file extension"));
            else
            {
                candidates.Add(new VideoCandidate(entry.Name, segments[^2]));
                byName[entry.Name] = entry;
            }
        }
        return (candidates, excluded, byName);
    }
}
