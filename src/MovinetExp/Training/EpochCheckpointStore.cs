using MovinetExp.Common;
using static TorchSharp.torch;

namespace MovinetExp.Training;

/// <summary>
/// Saves model, optimiser and training state after every epoch into <c>checkpoints/epoch-NNNN/</c>,
/// written into a temporary folder and renamed, so a crash mid-save never leaves a half-written epoch
/// that resume would trust. Keeps the latest epoch and the best one (by validation accuracy), pruning
/// the others only once the new epoch is recorded (<see cref="Prune"/>): a process killed between the
/// save and the record still has the epoch before, which resume can continue from.
/// </summary>
public sealed class EpochCheckpointStore
{
    private const string ModelFile = "model.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string StateFile = "state.json";
    private readonly string _root;

    public EpochCheckpointStore(string checkpointsFolder)
    {
        _root = checkpointsFolder;
        Directory.CreateDirectory(_root);
    }

    public void Save(EpochState state, nn.Module model, OptimizerSetup optimizer)
    {
        string final = EpochFolder(state.Epoch);
        string temp = final + ".partial";
        if (Directory.Exists(temp)) Directory.Delete(temp, true);
        Directory.CreateDirectory(temp);
        model.save(Path.Combine(temp, ModelFile));
        optimizer.Save(Path.Combine(temp, OptimizerFile));
        File.WriteAllText(Path.Combine(temp, StateFile), state.ToJson());
        if (Directory.Exists(final)) Directory.Delete(final, true);
        Directory.Move(temp, final);
    }

    /// <summary>
    /// The state of the last completely saved epoch up to <paramref name="atMost"/> (the last epoch the run
    /// recorded: a later checkpoint was saved by a process that died before recording it), or null when none.
    /// </summary>
    public EpochState? Latest(int atMost = int.MaxValue)
    {
        var epochs = CompletedEpochs().Where(e => e <= atMost).ToList();
        return epochs.Count == 0 ? null : EpochState.FromJson(File.ReadAllText(Path.Combine(EpochFolder(epochs[^1]), StateFile)));
    }

    public void Restore(int epoch, nn.Module model, OptimizerSetup? optimizer)
    {
        string folder = EpochFolder(epoch);
        if (!File.Exists(Path.Combine(folder, ModelFile)))
            throw new DataException($"{folder}: no saved model for epoch {epoch}; the run folder is incomplete. Start a new run instead of resuming.");
        model.load(Path.Combine(folder, ModelFile));
        if (optimizer is null) return;
        string optimizerFile = Path.Combine(folder, OptimizerFile);
        try
        {
            optimizer.Load(optimizerFile);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new DataException($"{optimizerFile}: cannot resume from this optimiser state: {e.Message}. " +
                "It was saved by another version of movinet-exp or is damaged; start a new run instead of resuming.");
        }
    }

    public bool Has(int epoch) => File.Exists(Path.Combine(EpochFolder(epoch), StateFile));

    private string EpochFolder(int epoch) => Path.Combine(_root, $"epoch-{epoch:D4}");

    private List<int> CompletedEpochs() =>
        Directory.EnumerateDirectories(_root, "epoch-*")
            .Select(Path.GetFileName)
            .Where(n => n!.Length == 10 && int.TryParse(n.AsSpan(6), out _))
            .Select(n => int.Parse(n!.AsSpan(6)))
            .Where(Has)
            .Order()
            .ToList();

    /// <summary>Deletes every saved epoch but <paramref name="latest"/> and <paramref name="best"/>; call once the latest is recorded.</summary>
    public void Prune(int latest, int best)
    {
        foreach (int epoch in CompletedEpochs())
            if (epoch != latest && epoch != best)
                Directory.Delete(EpochFolder(epoch), true);
    }
}
