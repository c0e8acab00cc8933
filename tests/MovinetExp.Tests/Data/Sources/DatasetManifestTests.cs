using System.Security.Cryptography;
using System.Text;
using MovinetExp.Data.Sources;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Data.Sources;

public class DatasetManifestTests
{
    [Fact]
    public void ListsChosenFilesWithTheShaRecordedInTheSharedManifest()
    {
        // MANIFEST.tsv beside the shared clips records each file's sha256: an independent truth.
        var recorded = File.ReadAllLines(Path.Combine(TestPaths.Videos, "MANIFEST.tsv")).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[5]);
        var request = new SplitRequest(ClassSelection.Named(["Rowing", "Biking"]), new SplitCounts(1, 0, 0));
        var manifest = FolderSource.Load(DatasetFolders.SharedUcf101, request).BuildManifest();

        Assert.Equal(2, manifest.Entries.Count);
        Assert.All(manifest.Entries, e => Assert.Equal(SplitName.Train, e.Split));
        Assert.Equal(["Rowing", "Biking"], manifest.Entries.Select(e => e.ClassName));
        foreach (var entry in manifest.Entries)
            Assert.Equal(recorded["ucf101/" + entry.RelativePath], entry.Sha256);

        string[] lines = manifest.Text.Split('\n');
        Assert.Equal("path\tclass\tsplit\tsha256", lines[0]);
        Assert.Equal($"Rowing/UCF-101_Rowing_g16_c03.avi\tRowing\ttrain\t{recorded["ucf101/Rowing/UCF-101_Rowing_g16_c03.avi"]}", lines[1]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.Text))), manifest.Sha256);
    }

    [Fact]
    public void TheManifestHashChangesWithTheSelectionAndNotOtherwise()
    {
        SplitRequest Request(int seed) => new(ClassSelection.Named(["Basketball", "Biking"]), new SplitCounts(1, 0, 1), Seed: seed);
        string Hash(int seed) => FolderSource.Load(DatasetFolders.SharedUcf101, Request(seed)).BuildManifest().Sha256;
        Assert.Equal(Hash(0), Hash(0));
        var hashes = Enumerable.Range(0, 8).Select(Hash).ToHashSet();
        Assert.True(hashes.Count > 1, "different seeds should be able to choose different files");
    }
}
