using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tokencast.Core.Actuals;

/// <summary>
/// JSON settings of the actuals store: snake_case names, enums as strings, nulls left out, and
/// decimals as invariant strings so that no amount passes through a binary floating-point number.
/// </summary>
internal static class ActualsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new DecimalConverter() },
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    private sealed class DecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String
                ? reader.GetString()
                : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new JsonException($"'{text}' is not a decimal amount");
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
