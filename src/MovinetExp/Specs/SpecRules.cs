using MovinetExp.Checkpoints;
using MovinetExp.Common;

namespace MovinetExp.Specs;

/// <summary>
/// Rules that involve more than one key, checked on the bound spec. A rule is skipped when one of its
/// keys already has a problem, so a bad value is not reported twice.
/// </summary>
internal static class SpecRules
{
    public static void Check(ExperimentSpec spec, SpecLocations where, SpecProblems problems)
    {
        DataSpec data = spec.Data;
        ModelSpec model = spec.Model;
        TrainSpec train = spec.Train;

        void Report(string path, string message, string hint, params string[] involved)
        {
            if (involved.Append(path).Any(problems.Touches)) return;
            problems.Add(where.Of(path), path, message, hint);
        }

        if (data.Source == DataSource.List)
        {
            if (data.List.Train is null)
                Report("data.list.train", "required when data.source is list", "add 'list: {train: train.txt, test: test.txt}' under data:", "data.source");
            if (data.List.Test is null)
                Report("data.list.test", "required when data.source is list", "add 'list: {train: train.txt, test: test.txt}' under data:", "data.source");
        }
        else if ((data.List.Train ?? data.List.Val ?? data.List.Test ?? data.List.ClassIndex) is not null)
        {
            Report("data.list", $"only used with data.source: list, but source is {EnumNames.Of(data.Source)}",
                "remove data.list, or set data.source: list", "data.source");
        }

        if (data.Source == DataSource.Folder && data.Path is null)
            Report("data.path", "required when data.source is folder", "add 'path: <folder with one sub-folder per class>' under data:", "data.source");

        if (data.Url is not null && data.Source != DataSource.Ucf101)
            Report("data.url", $"only used with data.source: ucf101, but source is {EnumNames.Of(data.Source)}",
                "remove data.url", "data.source");

        foreach (var (key, size) in new[] { ("train", data.Split.Train), ("test", data.Split.Test) })
            if (size.IsAll && data.Source != DataSource.List)
                Report($"data.split.{key}", $"'all' takes every video the split lists assign to {key}, so it needs data.source: list, but source is {EnumNames.Of(data.Source)}",
                    "give a number of videos per class", "data.source");

        if (data.Url is not null && Data.Remote.ZipLocation.Problem(data.Url) is { } urlProblem)
            Report("data.url", urlProblem, "e.g. url: https://host/UCF101_videos.zip, url: /data/UCF101_videos.zip or url: file:///data/UCF101_videos.zip");

        if (data.Classes.DuplicateName is { } duplicate)
            Report("data.classes", $"class '{duplicate}' is listed more than once", "list each class once; the list order defines the label indices");

        if (train.WarmupEpochs >= train.Epochs)
            Report("train.warmup_epochs", $"must be less than train.epochs ({train.Epochs}), got {train.WarmupEpochs}",
                "shorten the warm-up or train for more epochs", "train.epochs");

        if (model.Freeze == FreezeMode.FromBlock && model.FreezeUntilBlock is null)
            Report("model.freeze_until_block", "required when model.freeze is from_block",
                "add 'freeze_until_block: N' under model: (blocks with index < N stay frozen)", "model.freeze");
        if (model.Freeze != FreezeMode.FromBlock && model.FreezeUntilBlock is not null)
            Report("model.freeze_until_block", $"only used with model.freeze: from_block, but freeze is {EnumNames.Of(model.Freeze)}",
                "remove freeze_until_block, or set freeze: from_block", "model.freeze");

        if (train.BackboneLr is not null && model.Freeze == FreezeMode.Backbone)
            Report("train.backbone_lr", "only used when the backbone trains, but model.freeze is backbone",
                "remove backbone_lr, or set model.freeze: none or from_block", "model.freeze");

        if (model.Load == CheckpointLoadMode.Full && model.Checkpoint == "pretrained" && data.Classes.Count != ModelSpec.CheckpointClasses)
            Report("model.load", $"full restores the checkpoint's {ModelSpec.CheckpointClasses}-class classifier, but data.classes selects {data.Classes.Count} classes",
                "use load: backbone (or auto) to train a new classifier for your classes", "data.classes", "model.checkpoint");
    }
}
