using System.Text.Json;
using MovinetExp.Interop;
using MovinetExp.Tests.Cli;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Numerics;

/// <summary>
/// The numerics guard under more oneDNN kernel families in one `dotnet test`: oneDNN reads
/// ONEDNN_MAX_CPU_ISA once, when LibTorch first uses it, so each cap runs the real tool in its own
/// process. The test process itself runs uncapped (ParityTests, ConvolutionGuardTests): the avx512_core
/// kernels on a machine with AVX-512, where wrong results were seen. The AVX2 cap (brgconv kernels, also
/// seen wrong) and the AVX cap (the older jit and gemm kernels) run other families on any x86-64 CPU
/// with AVX2, so every such machine exercises at least two. SSE4.1 works too but made this test 3x slower. Each capped process runs
/// `doctor --full` (every convolution problem of A0 base and stream in inference, training and
/// streaming, every element against float64), then `predict` and `stream` on every parity input.
/// </summary>
public class IsaCapTests
{
    public static TheoryData<string> Caps => new() { "AVX2", "AVX" };

    [Theory]
    [MemberData(nameof(Caps))]
    public void EveryConvolutionOfA0IsRightUnderTheCap(string cap)
    {
        foreach (string variant in new[] { "base", "stream" })
        {
            var result = Run(cap, "doctor", "--variant", variant, "--batch", "2", "--frames", "8", "--resolution", "48",
                "--full", "--json");
            using var json = JsonDocument.Parse(result.StandardOutput);
            var wrong = json.RootElement.GetProperty("problems").EnumerateArray()
                .Where(p => !p.GetProperty("passed").GetBoolean())
                .Select(p => $"{p.GetProperty("workload").GetString()} {p.GetProperty("problem").GetString()} " +
                    $"({p.GetProperty("algorithm").GetString()}: output {p.GetProperty("output_error")}, " +
                    $"dx {p.GetProperty("input_gradient_error")}, dw {p.GetProperty("weight_gradient_error")})")
                .ToList();
            Assert.True(wrong.Count == 0 && result.ExitCode == 0,
                $"ONEDNN_MAX_CPU_ISA={cap}, a0 {variant}: {wrong.Count} convolution problems wrong (exit {result.ExitCode}):\n" +
                string.Join("\n", wrong) + "\n" + result.StandardError);
            Assert.True(json.RootElement.GetProperty("problems").GetArrayLength() > 40, "doctor checked too few problems");
        }
    }

    [Theory]
    [MemberData(nameof(Caps))]
    public void PredictAndStreamMatchTheParityLogitsUnderTheCap(string cap)
    {
        string folder = TestPaths.NewScratchFolder("parity-" + cap);
        var inputs = ParityFixtures.Inputs.Select(ParityFixtures.Input).ToArray();
        foreach (string model in ParityFixtures.Models)
        {
            var commands = model == "a0-stream" ? new[] { "predict", "stream" } : new[] { "predict" };
            foreach (string command in commands)
            {
                // predict takes all inputs in one call (its logits file holds their clips one after another);
                // stream takes one input a call.
                var files = command == "predict" ? new[] { inputs } : inputs.Select(i => new[] { i }).ToArray();
                var data = new List<float>();
                for (int f = 0; f < files.Length; f++)
                {
                    string output = Path.Combine(folder, $"{model}-{command}-{f}.npy");
                    var result = Run(cap, [command, .. files[f], "--checkpoint", ParityFixtures.Checkpoint(model), "--logits-out", output]);
                    Assert.True(result.ExitCode == 0, $"{command} exited {result.ExitCode}: {result.Unwrapped}");
                    data.AddRange(NpyReader.Read(output).Data);
                }

                var logits = data.ToArray();
                int offset = 0;
                foreach (string input in ParityFixtures.Inputs)
                {
                    int length = ParityFixtures.Expected(model, input).First().Logits.Data.Length;
                    ParityFixtures.AssertMatches(model, input, logits.Skip(offset).Take(length).ToArray(),
                        $"`{command}` with ONEDNN_MAX_CPU_ISA={cap}");
                    offset += length;
                }

                Assert.Equal(logits.Length, offset);
            }
        }
    }

    private static CliResult Run(string cap, params string[] arguments) =>
        CliProcess.Run(TestPaths.NewScratchFolder("cap"), TimeSpan.FromMinutes(5),
            new Dictionary<string, string?> { ["ONEDNN_MAX_CPU_ISA"] = cap }, arguments);
}
