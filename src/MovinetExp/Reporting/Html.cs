using System.Net;
using System.Text;

namespace MovinetExp.Reporting;

/// <summary>
/// A tiny builder for the report's HTML. Every piece of text goes through <see cref="WebUtility.HtmlEncode"/>,
/// and the markup is written XHTML-style (void elements self-closed) so the report also parses as XML.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _text = new();

    /// <summary>A table cell: text plus an optional CSS class (e.g. "pass"/"fail") and an optional link
    /// (a relative path, e.g. a sweep point's report.html).</summary>
    public readonly record struct Cell(string Text, string? CssClass = null, string? Href = null)
    {
        public static implicit operator Cell(string text) => new(text);
    }

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Appends raw markup: only for fixed strings written in this assembly, never for data.</summary>
    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Html Element(string tag, string text, string? cssClass = null) =>
        Raw($"<{tag}{ClassAttribute(cssClass)}>{Escape(text)}</{tag}>\n");

    public Html Heading(string text) => Element("h2", text);

    public Html Paragraph(string text, string? cssClass = null) => Element("p", text, cssClass);

    public Html Pre(string text) => Element("pre", text);

    /// <summary>An image embedded as a base64 data URI, so the report has no external files.</summary>
    public Html PngImage(byte[] png, string alt) =>
        Raw($"<img alt=\"{Escape(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" />\n");

    public Html Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        Raw("<table>\n<thead><tr>");
        foreach (string h in headers) Raw($"<th>{Escape(h)}</th>");
        Raw("</tr></thead>\n<tbody>\n");
        foreach (IReadOnlyList<Cell> row in rows)
        {
            Raw("<tr>");
            foreach (Cell c in row)
                Raw(c.Href == null ? $"<td{ClassAttribute(c.CssClass)}>{Escape(c.Text)}</td>"
                    : $"<td{ClassAttribute(c.CssClass)}><a href=\"{Escape(c.Href)}\">{Escape(c.Text)}</a></td>");
            Raw("</tr>\n");
        }
        return Raw("</tbody>\n</table>\n");
    }

    public override string ToString() => _text.ToString();

    private static string ClassAttribute(string? cssClass) => cssClass == null ? "" : $" class=\"{Escape(cssClass)}\"";
}
