using MovinetExp.Checkpoints.Format;
using MovinetExp.Common;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Checkpoints.Format;

public class CheckpointLocatorTests
{
    private static readonly string NameBasedPrefix = Path.Combine(FixtureNames.Folder(FixtureNames.NameBased), "model");

    [Fact]
    public void AcceptsPrefixIndexDataFileAndFolders()
    {
        Assert.Equal(NameBasedPrefix, CheckpointLocator.ResolvePrefix(NameBasedPrefix));
        Assert.Equal(NameBasedPrefix, CheckpointLocator.ResolvePrefix(NameBasedPrefix + ".index"));
        Assert.Equal(NameBasedPrefix, CheckpointLocator.ResolvePrefix(NameBasedPrefix + ".data-00000-of-00001"));
        Assert.Equal(NameBasedPrefix, CheckpointLocator.ResolvePrefix(FixtureNames.Folder(FixtureNames.NameBased))); // checkpoint file
        string denseFolder = FixtureNames.Folder(FixtureNames.DenseAdam);
        Assert.Equal(Path.Combine(denseFolder, "variables"), CheckpointLocator.ResolvePrefix(denseFolder)); // single .index
    }

    [Fact]
    public void StateFileWithRelativeSubfolderOrForeignAbsolutePath()
    {
        string folder = FixtureNames.CopyToScratch(FixtureNames.NameBased);
        string sub = Directory.CreateDirectory(Path.Combine(folder, "ckpts")).FullName;
        foreach (string file in Directory.GetFiles(folder, "model.*")) File.Move(file, Path.Combine(sub, Path.GetFileName(file)));

        File.WriteAllText(Path.Combine(folder, "checkpoint"), "model_checkpoint_path: \"ckpts/model\"\n");
        Assert.Equal(Path.Combine(sub, "model"), CheckpointLocator.ResolvePrefix(folder));

        // An absolute path from the machine that trained the model still finds the copied files.
        File.WriteAllText(Path.Combine(sub, "checkpoint"), "model_checkpoint_path: \"/home/someone/train/model\"\n");
        Assert.Equal(Path.Combine(sub, "model"), CheckpointLocator.ResolvePrefix(sub));

        File.WriteAllText(Path.Combine(sub, "checkpoint"), "model_checkpoint_path: \"gone-1\"\n");
        var ex = Assert.Throws<CheckpointException>(() => CheckpointLocator.ResolvePrefix(sub));
        Assert.Contains("names checkpoint 'gone-1'", ex.Message);
    }

    [Fact]
    public void StateFileStringsFollowProtobufTextEscapes()
    {
        Assert.Equal("ckpt-40", CheckpointStateFile.ParseModelCheckpointPath(
            "model_checkpoint_path: \"ckpt-40\"\nall_model_checkpoint_paths: \"ckpt-39\"\nall_model_checkpoint_timestamps: 1631786674.830938\n", "checkpoint"));
        Assert.Equal("a\"b\\c", CheckpointStateFile.ParseModelCheckpointPath("model_checkpoint_path: \"a\\\"b\\\\c\"", "checkpoint"));
        Assert.Equal("AB", CheckpointStateFile.ParseModelCheckpointPath("model_checkpoint_path : '\\101\\x42'", "checkpoint"));
        Assert.Equal("ü", CheckpointStateFile.ParseModelCheckpointPath("model_checkpoint_path: \"\\303\\274\"", "checkpoint"));

        var missing = Assert.Throws<CheckpointException>(() => CheckpointStateFile.ParseModelCheckpointPath("all_model_checkpoint_paths: \"x\"", "/tmp/checkpoint"));
        Assert.Contains("no model_checkpoint_path", missing.Message);
        var unquoted = Assert.Throws<CheckpointException>(() => CheckpointStateFile.ParseModelCheckpointPath("model_checkpoint_path: x", "/tmp/checkpoint"));
        Assert.Contains("line 1", unquoted.Message);
    }

    [Fact]
    public void WrittenStateFileParsesBack()
    {
        string folder = TestPaths.NewScratchFolder("ckpt-state");
        CheckpointStateFile.Write(folder, "odd \"name\"\\1");
        Assert.Equal("odd \"name\"\\1", CheckpointStateFile.ParseModelCheckpointPath(File.ReadAllText(Path.Combine(folder, "checkpoint")), "checkpoint"));
    }
}
