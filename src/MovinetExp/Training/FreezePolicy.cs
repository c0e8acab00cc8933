using MovinetExp.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MovinetExp.Training;

/// <summary>
/// Which parts of a MoViNet train. Frozen parts get no gradients and keep their batch norm in
/// inference mode (moving statistics untouched), as Keras does for `trainable = False`.
/// </summary>
public sealed class FreezePolicy
{
    private readonly List<nn.Module> _frozenModules;

    private FreezePolicy(List<nn.Module> frozenModules, IReadOnlyList<Parameter> head, IReadOnlyList<Parameter> backbone, bool backboneFrozen)
    {
        _frozenModules = frozenModules;
        HeadParameters = head;
        BackboneParameters = backbone;
        BackboneFrozen = backboneFrozen;
    }

    /// <summary>Parameters of the classifier head (always trained).</summary>
    public IReadOnlyList<Parameter> HeadParameters { get; }

    /// <summary>Backbone parameters that train (empty when the whole backbone is frozen).</summary>
    public IReadOnlyList<Parameter> BackboneParameters { get; }

    /// <summary>Nothing before the classifier head trains: backbone features can be computed once and reused.</summary>
    public bool BackboneFrozen { get; }

    /// <param name="trainFromStage">
    /// null: the whole backbone is frozen; 0: nothing is frozen; N: the stem and the block layers of stages
    /// 0..N-1 are frozen, later stages and the head projection train.
    /// </param>
    public static FreezePolicy Apply(MovinetClassifier model, int? trainFromStage)
    {
        var backbone = model.Backbone;
        var children = backbone.named_children().ToDictionary(c => c.name, c => c.module);
        var frozen = new List<nn.Module>();
        if (trainFromStage == null)
        {
            frozen.Add(backbone);
        }
        else if (trainFromStage > 0)
        {
            frozen.Add(children["stem"]);
            var blocks = children["blocks"].named_children().Select(c => c.module).ToList();
            var stageOfBlock = model.Options.Architecture.Stages
                .SelectMany((stage, s) => stage.Layers.Select(_ => s)).ToList();
            for (int i = 0; i < blocks.Count; i++)
                if (stageOfBlock[i] < trainFromStage) frozen.Add(blocks[i]);
        }

        var frozenParameters = new HashSet<Parameter>(frozen.SelectMany(m => m.parameters()), ReferenceEqualityComparer.Instance);
        foreach (var p in backbone.parameters()) p.requires_grad = !frozenParameters.Contains(p);
        var head = model.Head.parameters().ToList();
        foreach (var p in head) p.requires_grad = true;
        var trainableBackbone = backbone.parameters().Where(p => p.requires_grad).ToList();
        return new FreezePolicy(frozen, head, trainableBackbone, trainableBackbone.Count == 0);
    }

    /// <summary>Training mode for what trains, inference mode (batch norm statistics fixed) for what is frozen.</summary>
    public void SetTrainingMode(nn.Module model)
    {
        model.train();
        foreach (var module in _frozenModules) module.eval();
    }
}
