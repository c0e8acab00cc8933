using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MovinetExp.Common;

namespace MovinetExp.IO;

/// <summary>
/// The run folder's small JSON records (status.json, environment.json, comparison.json): snake_case properties
/// in declaration order, enums as snake_case strings, indented, written atomically; a bad file becomes a
/// <see cref="DataException"/> that names the file and how to fix it. (metrics.json has its own byte-exact writer.)
/// </summary>
internal static class SnakeCaseJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static void Write<T>(string path, T value) => AtomicFile.WriteAllBytes(path, ToUtf8(value));

    /// <summary>The bytes <see cref="Write{T}"/> stores.</summary>
    public static byte[] ToUtf8<T>(T value) => System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, Options) + "\n");

    /// <param name="remedy">What the user should do when the file is bad, appended to the error.</param>
    public static T Read<T>(string path, string remedy)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new JsonException("the document is null");
        }
        catch (JsonException ex)
        {
            throw new DataException($"{path} is not a valid {typeof(T).Name} file ({ex.Message}). {remedy}", ex);
        }
    }
}
