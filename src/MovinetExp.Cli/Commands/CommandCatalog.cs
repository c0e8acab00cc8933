using MovinetExp.Cli.Commands.Doctor;
using MovinetExp.Cli.Commands.Bench;
using MovinetExp.Cli.Commands.Checkpoint;
using MovinetExp.Cli.Commands.Data;
using MovinetExp.Cli.Commands.Experiment;
using MovinetExp.Cli.Commands.Export;
using MovinetExp.Cli.Commands.Inference;
using MovinetExp.Cli.Commands.Model;
using MovinetExp.Cli.Commands.Sweep;
using MovinetExp.Sweeps;
using Spectre.Console.Cli;

namespace MovinetExp.Cli.Commands;

/// <summary>Every command of `dotnet movinet`, with its description and examples, in one place.</summary>
internal static class CommandCatalog
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<RunCommand>("run")
            .WithDescription("Run an experiment spec: data, transfer learning, evaluation, run folder. Exit 1 when an expectation fails.")
            .WithExample("run", "experiments/quickstart.yaml")
            .WithExample("run", "experiments/ucf10.yaml", "--set", "train.epochs=3", "--set", "data.frames=16")
            .WithExample("run", "--resume", "runs/ucf10/20261129-101500-1a2b3c4d");
        config.AddBranch("sweep", branch =>
        {
            branch.SetDescription("Run a grid of experiments (the product of --grid values) here or as a Slurm job array; status, collect, resume. `dotnet movinet sweep SPEC --help` lists the options.");
            branch.SetDefaultCommand<SweepCommand>();
            branch.AddExample("sweep", "experiments/quickstart.yaml", "--grid", "train.lr=0.001,0.003");
            branch.AddExample("sweep", "experiments/quickstart.yaml", "--grid", "train.lr=0.001,0.003", "--grid", "model.freeze=backbone,none", "--parallel", "2");
            branch.AddExample("sweep", "experiments/ucf10.yaml", "--grid", "model.id=a0,a2", "--executor", "slurm", "--cpus-per-task", "8", "--time", "4:00:00", "--expect-all", "test_accuracy=0.7");
            branch.AddCommand<SweepStatusCommand>("status")
                .WithDescription("Each point's state (pending, running, requeued, done, failed) from its run folder and Slurm; rewrites the summary.")
                .WithExample("sweep", "status", "runs/sweeps/quickstart-20261129-101500-1a2b3c4d")
                .WithExample("sweep", "status", "runs/sweeps/quickstart-20261129-101500-1a2b3c4d", "--json");
            branch.AddCommand<SweepCollectCommand>("collect")
                .WithDescription("Every point's test accuracy and the sweep's gate: exit 1 when a point failed, missed its expectations or has not finished.")
                .WithExample("sweep", "collect", "runs/sweeps/quickstart-20261129-101500-1a2b3c4d", "--wait")
                .WithExample("sweep", "collect", "runs/sweeps/quickstart-20261129-101500-1a2b3c4d", "--json");
            branch.AddCommand<SweepResumeCommand>("resume")
                .WithDescription("Run again (or resubmit to Slurm) the points that failed, were killed or never started; each resumes its own run.")
                .WithExample("sweep", "resume", "runs/sweeps/quickstart-20261129-101500-1a2b3c4d");
            branch.AddCommand<SweepTaskCommand>(SweepTaskArguments.Command)
                .WithDescription("Run one point of a sweep (what the local executor and the Slurm job script start).")
                .IsHidden();
        });
        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Check a spec and print it resolved (every default filled in); --schema prints the JSON Schema.")
            .WithExample("validate", "experiments/ucf10.yaml", "--set", "data.frames=16");
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("Re-evaluate a run's final model on its test split, another folder (--data) or another checkpoint.")
            .WithExample("eval", "runs/ucf10/20261129-101500-1a2b3c4d")
            .WithExample("eval", "runs/ucf10/20261129-101500-1a2b3c4d", "--data", "my-videos/");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("Print the metric differences between two runs (B minus A).")
            .WithExample("compare", "runs/ucf10/20261129-101500-1a2b3c4d", "runs/ucf10/20261129-113000-1a2b3c4d");
        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Top-K classes of videos or .npy clips with a run's model, a released model or any TF checkpoint.")
            .WithExample("predict", "clip.mp4", "--run", "runs/ucf10/20261129-101500-1a2b3c4d")
            .WithExample("predict", "a.mp4", "b.avi", "--model", "a0", "--top", "3", "--json")
            .WithExample("predict", "clip.npy", "--checkpoint", "model/ckpt-1", "--model", "a0", "--variant", "base", "--logits-out", "out.npy")
            .WithExample("predict", "clip.npy", "--engine", "onnx", "--onnx", "model.onnx", "--json");
        config.AddCommand<StreamCommand>("stream")
            .WithDescription("Classify a video frame by frame with a causal (stream) model, carrying its stream buffers.")
            .WithExample("stream", "clip.mp4", "--model", "a0", "--variant", "stream", "--fps", "5", "--every", "5")
            .WithExample("stream", "clip.npy", "--run", "runs/streamable/20261129-101500-1a2b3c4d", "--json")
            .WithExample("stream", "clip.mp4", "--engine", "onnx", "--onnx", "a0-stream.onnx", "--device", "cuda");
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Write a run's model, a released model or any TF checkpoint as an ONNX model (opset 17) for ONNX Runtime.")
            .WithExample("export", "runs/quickstart/20261129-101500-1a2b3c4d", "--format", "onnx", "-o", "quickstart.onnx")
            .WithExample("export", "--model", "a0", "--variant", "stream", "--format", "onnx", "-o", "a0-stream.onnx")
            .WithExample("export", "--checkpoint", "model/ckpt-1", "--format", "onnx", "-o", "model.onnx");

        config.AddBranch("model", branch =>
        {
            branch.SetDescription("Describe MoViNet architectures.");
            branch.AddCommand<ModelSummaryCommand>("summary")
                .WithDescription("Layer table, parameter counts, MACs and every TF checkpoint variable of a model.")
                .WithExample("model", "summary", "a0")
                .WithExample("model", "summary", "a2", "--variant", "stream", "--frames", "50", "--resolution", "224", "--json");
        });
        config.AddBranch("checkpoint", branch =>
        {
            branch.SetDescription("Download and inspect TensorFlow MoViNet checkpoints.");
            branch.AddCommand<CheckpointFetchCommand>("fetch")
                .WithDescription("Download a released Kinetics-600 checkpoint (resumable, sha256-checked) and unpack it into the cache.")
                .WithExample("checkpoint", "fetch", "a0")
                .WithExample("checkpoint", "fetch", "a2", "--variant", "stream");
            branch.AddCommand<CheckpointConvertCommand>("convert-stream")
                .WithDescription("Convert a stream checkpoint from TF's training layout (3d_2plus1d) to the released 2plus1d layout.")
                .WithExample("checkpoint", "convert-stream", "train/ckpt-100", "converted/");
            branch.AddCommand<CheckpointInspectCommand>("inspect")
                .WithDescription("List every tensor of a TF checkpoint: key, dtype, shape and the sum of its values.")
                .WithExample("checkpoint", "inspect", "runs/quickstart/20261129-101500-1a2b3c4d/model")
                .WithExample("checkpoint", "inspect", "model/ckpt-1.index", "--json");
        });
        config.AddBranch("data", branch =>
        {
            branch.SetDescription("Prepare and inspect datasets.");
            branch.AddCommand<DataPrepareCommand>("prepare")
                .WithDescription("Download or generate a spec's videos, hash them, print the class and split table.")
                .WithExample("data", "prepare", "experiments/ucf10.yaml");
            branch.AddCommand<DataInspectCommand>("inspect")
                .WithDescription("Classes, counts, codecs, frame counts and durations of a video folder, with problem files and totals.")
                .WithExample("data", "inspect", "my-videos/")
                .WithExample("data", "inspect", "my-videos/", "--json");
        });
        config.AddCommand<BenchCommand>("bench")
            .WithDescription("Measure loading, inference, training and streaming speed (median of 5+ repetitions).")
            .WithExample("bench", "--json")
            .WithExample("bench", "--only", "infer", "--only", "stream", "--threads", "2");
        config.AddCommand<DoctorCommand>("doctor")
            .WithDescription("Check every convolution a model runs on this CPU against float64: CPU, oneDNN, kernels, errors (exit 5 if any is wrong).")
            .WithExample("doctor")
            .WithExample("doctor", "--model", "a2", "--variant", "stream", "--resolution", "224", "--full");
    }
}
