using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tokencast.Host;

/// <summary>
/// JSON settings shared by the REST API and the live feed: camelCase names, enums as lower-case words,
/// and NaN or infinity (a standard error over one trial) as null, which JSON can carry.
/// </summary>
public static class WireJson
{
    /// <summary>Applies the settings to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new FiniteDoubleConverter());
    }

    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
