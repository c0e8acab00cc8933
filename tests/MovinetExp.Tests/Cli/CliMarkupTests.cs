using System.Text.RegularExpressions;
using MovinetExp.Tests.Specs;
using MovinetExp.Tests.Support;

namespace MovinetExp.Tests.Cli;

/// <summary>
/// Spectre.Console reads square brackets as style tags, so text that reaches its markup unescaped
/// either disappears or ends the tool with "Could not find color or style" (issue 14, item 1: the
/// "[2, 600]" shape printed after `--logits-out`). Messages with brackets must print literally.
/// </summary>
public class CliMarkupTests
{
    [Fact]
    public void PredictReportsLogitsWrittenToABracketedPathWithTheirShape()
    {
        string folder = TestPaths.NewScratchFolder("cli-markup-logits");
        try
        {
            string prefix = CliFixtures.SaveA0Base(folder);
            string clip = CliFixtures.SaveClip(folder, "clip[red].npy");
            string logits = Path.Combine(folder, "logits[bold].npy");

            var result = CliProcess.Run(folder, "predict", clip, "--checkpoint", prefix, "--device", "cpu", "--logits-out", logits);

            CliFixtures.AssertExit(0, result);
            Assert.True(File.Exists(logits));
            CliFixtures.AssertContains("([1, 3] float32)", result.Unwrapped);
            CliFixtures.AssertContains(logits, result.StandardOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AnErrorAboutABracketedPathPrintsThePathLiterally()
    {
        string folder = TestPaths.NewScratchFolder("cli-markup-error");
        try
        {
            var result = CliProcess.Run(folder, "validate", "[red]spec[/].yaml");

            CliFixtures.AssertExit(2, result);
            CliFixtures.AssertContains("[red]spec[/].yaml: spec file not found", result.Unwrapped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The rule behind the tests above, for every message of the tool: an interpolated string never goes
    /// to Spectre's markup methods, which would read its holes as markup; MarkupLineInterpolated and
    /// MarkupInterpolated escape every hole themselves.
    /// </summary>
    [Fact]
    public void NoInterpolatedStringIsPassedToSpectreMarkup()
    {
        var unescaped = new Regex(@"(MarkupLine|\bMarkup)\(\s*(\$|string\.Create|FormattableString)|new Markup\(\s*\$");
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoFiles.Root, "src", "MovinetExp.Cli"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => unescaped.IsMatch(l.Text))
            .Select(l => $"{Path.GetFileName(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "use MarkupLineInterpolated (it escapes the holes):\n" + string.Join("\n", offenders));
    }
}
