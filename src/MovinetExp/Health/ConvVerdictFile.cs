using System.Security.Cryptography;
using System.Text;
using MovinetExp.Native;
using MovinetExp.Numerics;
using MovinetExp.IO;

namespace MovinetExp.Health;

/// <summary>
/// Verdicts of convolution checks kept in one JSON file per kernel environment under
/// <c>&lt;cache&gt;/numerics/</c>: the file name is a digest of everything that decides which kernels run
/// and how they are judged (CPU model, instruction sets, oneDNN version and cap, LibTorch, tool version,
/// tolerance), so a changed machine, library or tool never reuses an old verdict. A file that cannot be
/// read is ignored (the problems are checked again and the file rewritten); deleting the folder forces
/// every check again. Thread counts are part of each problem, not of the file.
/// </summary>
public sealed class ConvVerdictFile : IConvVerdictCache
{
    private readonly object gate = new();
    private readonly string cacheFolder;
    // Opened on first use: the kernel environment names the oneDNN inside LibTorch, which is loaded only
    // when the first tensor is made, not when the command line is read.
    private readonly Lazy<(string Path, string Environment, Dictionary<string, ConvVerdict> Verdicts)> file;

    public ConvVerdictFile(string cacheFolder)
    {
        this.cacheFolder = cacheFolder;
        file = new Lazy<(string, string, Dictionary<string, ConvVerdict>)>(Open);
    }

    /// <summary>The file for this process's kernel environment.</summary>
    public string Path => file.Value.Path;

    private (string, string, Dictionary<string, ConvVerdict>) Open()
    {
        string environment = $"{KernelEnvironment.Current().Kernels}; movinet-exp {RuntimeVersions.Tool}; tolerance {ConvCheckResult.Tolerance:E0}";
        string digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(environment)))[..16];
        string path = System.IO.Path.Combine(cacheFolder, "numerics", $"verdicts-{digest}.json");
        return (path, environment, Load(path, environment));
    }

    public ConvVerdict? Find(ConvProblem problem)
    {
        lock (gate) return file.Value.Verdicts.GetValueOrDefault(problem.ToString());
    }

    public void Remember(ConvRoute route)
    {
        lock (gate)
        {
            var (path, environment, verdicts) = file.Value;
            verdicts[route.Problem.ToString()] = ConvVerdict.Of(route);
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                SnakeCaseJson.Write(path, new VerdictDocument(environment, verdicts.Values.OrderBy(v => v.Problem).ToArray()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A cache that cannot be written only costs the next process its checks.
            }
        }
    }

    private static Dictionary<string, ConvVerdict> Load(string path, string environment)
    {
        try
        {
            if (!File.Exists(path)) return new();
            var document = SnakeCaseJson.Read<VerdictDocument>(path, "");
            return document.Environment == environment && document.Verdicts is not null
                ? document.Verdicts.Where(v => v?.Problem is not null).ToDictionary(v => v.Problem)
                : new();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Common.DataException or ArgumentException)
        {
            return new();
        }
    }

    private sealed record VerdictDocument(string Environment, IReadOnlyList<ConvVerdict> Verdicts);
}
