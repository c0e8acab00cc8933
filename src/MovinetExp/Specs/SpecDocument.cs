using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using MovinetExp.Common;

namespace MovinetExp.Specs;

/// <summary>
/// The parsed YAML node tree of a spec plus where each node came from: a line and column of the file,
/// or the <c>--set</c> override that put it there. Every problem message starts with that location.
/// </summary>
internal sealed class SpecDocument
{
    // YamlNode.Equals compares content, so two equal scalars would share an origin; track by reference.
    private readonly Dictionary<YamlNode, string> _overrideOrigins = new(ReferenceEqualityComparer.Instance);

    public SpecDocument(string fileName, YamlNode? root)
    {
        FileName = fileName;
        Root = root;
    }

    public string FileName { get; }

    /// <summary>The document's root node; null for an empty file.</summary>
    public YamlNode? Root { get; set; }

    /// <summary>The location of the document as a whole (its first line).</summary>
    public string Start => $"{FileName}:1:1";

    /// <summary>Parses YAML text; a syntax error becomes a single problem at its line and column.</summary>
    public static SpecDocument Parse(string yamlText, string fileName, SpecProblems problems)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(yamlText));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            string cause = Innermost(e).Message;
            problems.Add(At(fileName, e.Start), "", $"not valid YAML: {cause}",
                cause.StartsWith("Duplicate key", StringComparison.Ordinal) ? "write each key once per section" : SyntaxHint);
            return new SpecDocument(fileName, null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unclosed flow collections ("name: [x" followed by
            // another key) instead of raising a YamlException; where it stopped is the best place to point at.
            problems.Add(At(fileName, scanner.CurrentPosition), "", "not valid YAML: the parser could not go on from here", SyntaxHint);
            return new SpecDocument(fileName, null);
        }
        if (stream.Documents.Count > 1)
            problems.Add(At(fileName, stream.Documents[1].RootNode.Start), "", "the file holds more than one YAML document",
                "keep one experiment per file; remove the '---' separator");
        return new SpecDocument(fileName, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
    }

    private const string SyntaxHint = "fix the syntax at this line or just before it (indentation, a missing ':' or an unclosed quote or bracket)";

    /// <summary>Records that <paramref name="node"/> and everything below it came from an override.</summary>
    public void MarkOverride(YamlNode node, string origin)
    {
        foreach (YamlNode n in node.AllNodes) _overrideOrigins[n] = origin;
    }

    /// <summary>"file:line:column" of a node, or the override text that produced it.</summary>
    public string Locate(YamlNode node) =>
        _overrideOrigins.TryGetValue(node, out string? origin) ? origin : At(FileName, node.Start);

    private static string At(string fileName, Mark mark) => $"{fileName}:{mark.Line}:{mark.Column}";

    // YamlDotNet wraps the real cause (e.g. a duplicate key) in outer exceptions; the innermost says what is wrong.
    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
