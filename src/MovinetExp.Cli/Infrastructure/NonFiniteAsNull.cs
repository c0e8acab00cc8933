using System.Text.Json;
using System.Text.Json.Serialization;

namespace MovinetExp.Cli.Infrastructure;

/// <summary>
/// JSON has no NaN or infinity, and System.Text.Json throws on them. A logit that overflowed (finite
/// but enormous input) is "no number", so results write it as null (README, predict) instead of ending
/// the command after the work is done.
/// </summary>
internal static class NonFiniteAsNull
{
    public static JsonConverter<float> Float { get; } = new FloatConverter();
    public static JsonConverter<double> Double { get; } = new DoubleConverter();

    private sealed class FloatConverter : JsonConverter<float>
    {
        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? float.NaN : reader.GetSingle();

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
        {
            if (float.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }

    private sealed class DoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
