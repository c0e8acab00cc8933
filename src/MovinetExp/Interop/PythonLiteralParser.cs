using System.Globalization;
using System.Text;

namespace MovinetExp.Interop;

/// <summary>
/// Parses the small subset of Python literals a .npy header uses: dicts with string keys, strings,
/// True/False/None, integers, and tuples/lists. Anything else is a <see cref="FormatException"/>.
/// </summary>
internal sealed class PythonLiteralParser(string text)
{
    /// <summary>
    /// Deepest nesting of dicts, tuples and lists accepted. A .npy header is a flat dict holding one shape
    /// tuple (depth 2); the bound keeps a crafted header of thousands of brackets from overflowing the
    /// stack of this recursive parser, which would end the process instead of reporting the file.
    /// </summary>
    public const int MaxDepth = 8;

    private int _pos;
    private int _depth;

    public Dictionary<string, object?> ParseDict()
    {
        SkipSpace();
        var value = ParseValue();
        SkipSpace();
        if (_pos != text.Length) throw Error("unexpected text after the dictionary");
        return value as Dictionary<string, object?> ?? throw new FormatException("header is not a dictionary");
    }

    private object? ParseValue()
    {
        SkipSpace();
        if (_pos >= text.Length) throw Error("unexpected end");
        char c = text[_pos];
        if (c is '{' or '(' or '[')
        {
            if (++_depth > MaxDepth) throw Error($"containers nested more than {MaxDepth} deep (a .npy header is a flat dict)");
            object container = c == '{' ? ParseDictBody() : ParseSequence(c == '(' ? ')' : ']');
            _depth--;
            return container;
        }
        if (c is '\'' or '"') return ParseString();
        if (c == '-' || char.IsAsciiDigit(c)) return ParseInteger();
        foreach (var (word, value) in new (string, object?)[] { ("True", true), ("False", false), ("None", null) })
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0) { _pos += word.Length; return value; }
        throw Error($"unexpected character '{c}'");
    }

    private Dictionary<string, object?> ParseDictBody()
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        _pos++; // '{'
        while (true)
        {
            SkipSpace();
            if (Peek() == '}') { _pos++; return dict; }
            if (ParseValue() is not string key) throw Error("dictionary keys must be strings");
            SkipSpace();
            Expect(':');
            if (!dict.TryAdd(key, ParseValue())) throw Error($"key '{key}' appears twice");
            SkipSpace();
            if (Peek() == ',') _pos++;
            else if (Peek() != '}') throw Error("expected ',' or '}'");
        }
    }

    private List<object> ParseSequence(char close)
    {
        var items = new List<object>();
        _pos++;
        while (true)
        {
            SkipSpace();
            if (Peek() == close) { _pos++; return items; }
            items.Add(ParseValue() ?? throw Error("None inside a tuple"));
            SkipSpace();
            if (Peek() == ',') _pos++;
            else if (Peek() != close) throw Error($"expected ',' or '{close}'");
        }
    }

    private string ParseString()
    {
        char quote = text[_pos++];
        var sb = new StringBuilder();
        while (_pos < text.Length && text[_pos] != quote)
        {
            if (text[_pos] == '\\') throw Error("escape sequences are not expected in a .npy header");
            sb.Append(text[_pos++]);
        }
        if (_pos >= text.Length) throw Error("unterminated string");
        _pos++;
        return sb.ToString();
    }

    private long ParseInteger()
    {
        int start = _pos;
        if (text[_pos] == '-') _pos++;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        // Python 2 era writers append 'L' to long integers.
        string digits = text[start.._pos];
        if (_pos < text.Length && text[_pos] == 'L') _pos++;
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Error($"'{digits}' is not an integer in range");
        return value;
    }

    private void Expect(char c)
    {
        if (Peek() != c) throw Error($"expected '{c}'");
        _pos++;
    }

    private char? Peek() => _pos < text.Length ? text[_pos] : null;

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    private FormatException Error(string what) => new($"malformed header at character {_pos}: {what}");
}
