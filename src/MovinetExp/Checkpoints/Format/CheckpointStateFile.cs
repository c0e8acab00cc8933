using System.Text;
using MovinetExp.Common;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// The <c>checkpoint</c> file TensorFlow keeps next to its checkpoints: a text-format
/// <c>CheckpointState</c> proto naming the latest prefix (relative to the folder, or absolute).
/// </summary>
public static class CheckpointStateFile
{
    public const string FileName = "checkpoint";

    /// <summary>The <c>model_checkpoint_path</c> value of a state file's text.</summary>
    /// <exception cref="CheckpointException">The field is missing or its string is malformed.</exception>
    public static string ParseModelCheckpointPath(string text, string fileForMessages)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith("model_checkpoint_path", StringComparison.Ordinal)) continue;
            string rest = line["model_checkpoint_path".Length..].TrimStart();
            if (!rest.StartsWith(':')) continue;
            try
            {
                return ParseQuotedString(rest[1..].Trim());
            }
            catch (FormatException ex)
            {
                throw new CheckpointException(
                    $"'{fileForMessages}' line {i + 1}: cannot read model_checkpoint_path ({ex.Message}). " +
                    "Expected a line like: model_checkpoint_path: \"ckpt-1\". Fix the file or pass the checkpoint prefix directly.");
            }
        }
        throw new CheckpointException(
            $"'{fileForMessages}' has no model_checkpoint_path line. Expected a line like: model_checkpoint_path: \"ckpt-1\". " +
            "Fix the file or pass the checkpoint prefix (or its .index file) directly.");
    }

    /// <summary>Writes (atomically) a state file pointing at <paramref name="checkpointName"/>, relative to <paramref name="folder"/>.</summary>
    public static void Write(string folder, string checkpointName)
    {
        string quoted = Quote(checkpointName);
        string text = $"model_checkpoint_path: {quoted}\nall_model_checkpoint_paths: {quoted}\n";
        string path = Path.Combine(folder, FileName);
        string temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A protobuf text-format string literal: C escapes, octal, hex, either quote character.</summary>
    private static string ParseQuotedString(string literal)
    {
        if (literal.Length < 2 || (literal[0] != '"' && literal[0] != '\'') || literal[^1] != literal[0])
            throw new FormatException("the value is not a quoted string");
        var bytes = new List<byte>();
        string body = literal[1..^1];
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (++i >= body.Length) throw new FormatException("the string ends with a lone backslash");
            char e = body[i];
            switch (e)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case '\\' or '"' or '\'' or '?': bytes.Add((byte)e); break;
                case 'x':
                    int hexStart = ++i;
                    while (i < body.Length && i - hexStart < 2 && Uri.IsHexDigit(body[i])) i++;
                    if (i == hexStart) throw new FormatException("\\x without hex digits");
                    bytes.Add(Convert.ToByte(body[hexStart..i], 16));
                    i--;
                    break;
                case >= '0' and <= '7':
                    int octStart = i;
                    while (i < body.Length && i - octStart < 3 && body[i] is >= '0' and <= '7') i++;
                    bytes.Add((byte)Convert.ToInt32(body[octStart..i], 8));
                    i--;
                    break;
                default: throw new FormatException($"unknown escape \\{e}");
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
