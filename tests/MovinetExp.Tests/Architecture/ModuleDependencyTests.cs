using System.Text.RegularExpressions;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Architecture;

/// <summary>
/// The library's modules (the top folders of src/MovinetExp, one namespace each) form layers, and a
/// module may only use modules of lower layers (ARCHITECTURE.md). Read from the sources: `using`
/// lines and qualified names (<c>MovinetExp.X.</c>, or <c>X.Type</c> from inside the library), with
/// comments and string literals removed first.
/// </summary>
public class ModuleDependencyTests
{
    /// <summary>Bottom to top; ARCHITECTURE.md explains each. Modules of one layer may not use each other.</summary>
    public static readonly string[][] Layers =
    {
        new[] { "Common" },
        new[] { "Native", "IO", "Interop", "Evaluation", "Numerics", "Export" },
        new[] { "Models", "Data", "Runs" },
        new[] { "Catalog", "Training", "Health", "Reporting" },
        new[] { "Checkpoints" },
        new[] { "Specs" },
        new[] { "Inference" },
        new[] { "Benchmarks", "Experiments" },
        new[] { "Sweeps" },
    };

    private static string LibraryRoot => Path.Combine(TestPaths.RepositoryRoot, "src", "MovinetExp");

    [Fact]
    public void EveryModuleIsInALayer()
    {
        var modules = Directory.EnumerateDirectories(LibraryRoot)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "Resources") && Directory.EnumerateFiles(Path.Combine(LibraryRoot, name!), "*.cs", SearchOption.AllDirectories).Any())
            .ToArray();
        var layered = Layers.SelectMany(l => l).ToHashSet();
        var missing = modules.Where(m => !layered.Contains(m!)).ToArray();
        Assert.True(missing.Length == 0, $"Modules in no layer (add them to Layers and ARCHITECTURE.md): {string.Join(", ", missing)}");
    }

    [Fact]
    public void NoModuleUsesOneOfItsOwnLayerOrAbove()
    {
        var layerOf = Layers.SelectMany((modules, layer) => modules.Select(m => (m, layer))).ToDictionary(x => x.m, x => x.layer);
        var violations = new List<string>();
        foreach (string file in Directory.EnumerateFiles(LibraryRoot, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(LibraryRoot, file);
            string module = relative.Split(Path.DirectorySeparatorChar)[0];
            if (module is "bin" or "obj" || !layerOf.TryGetValue(module, out int layer)) continue;
            foreach (var (used, line) in ModulesUsedBy(File.ReadAllText(file), layerOf.Keys))
                if (used != module && layerOf[used] >= layer)
                    violations.Add($"{relative}:{line}: {module} (layer {layer}) uses {used} (layer {layerOf[used]})");
        }

        Assert.True(violations.Count == 0, "Upward or sideways references:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheCheckSeesEachKindOfReference()
    {
        var modules = new[] { "Common", "Specs", "Experiments", "Data" };
        const string source = """
            using MovinetExp.Specs;
            using static MovinetExp.Experiments.ExperimentRunner;
            // using MovinetExp.Sweeps; (a comment)
            namespace MovinetExp.Models;
            class C
            {
                string s = "MovinetExp.Sweeps.SweepPlan";
                object o = new Data.VideoItem("a", 1);
                int n = spec.Data.Frames;
                void M() => MovinetExp.Common.Guard.Check();
            }
            """;
        var used = ModulesUsedBy(source, modules).Select(u => u.Module).ToHashSet();
        Assert.Equal(new HashSet<string> { "Specs", "Experiments", "Data", "Common" }, used);
    }

    /// <summary>The modules a source file names, with the line of each first mention.</summary>
    public static IEnumerable<(string Module, int Line)> ModulesUsedBy(string source, IEnumerable<string> modules)
    {
        string code = WithoutCommentsAndStrings(source);
        string alternatives = string.Join("|", modules.Select(Regex.Escape));
        var patterns = new[]
        {
            new Regex($@"\bMovinetExp\.({alternatives})\b"),
            // Relative to the library's root namespace: `Data.VideoItem`, not `spec.Data.Frames`.
            new Regex($@"(?<![\w.])({alternatives})\.[A-Z]\w*"),
        };
        var seen = new HashSet<string>();
        foreach (var pattern in patterns)
        foreach (Match match in pattern.Matches(code))
        {
            string module = match.Groups[1].Value;
            if (IsNamespaceDeclaration(code, match.Index) || !seen.Add(module)) continue;
            yield return (module, code[..match.Index].Count(c => c == '\n') + 1);
        }
    }

    private static bool IsNamespaceDeclaration(string code, int index)
    {
        int lineStart = code.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return code[lineStart..index].TrimStart().StartsWith("namespace ", StringComparison.Ordinal);
    }

    /// <summary>Blanks comments and string/char literals (keeping line breaks, so line numbers hold).</summary>
    private static string WithoutCommentsAndStrings(string source) =>
        Regex.Replace(source, "\"\"\"[\\s\\S]*?\"\"\"|//[^\\n]*|/\\*[\\s\\S]*?\\*/|@\"(?:[^\"]|\"\")*\"|\\$?\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)+'",
            m => Regex.Replace(m.Value, "[^\\n]", " "));
}
