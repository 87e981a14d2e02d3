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

    /// <summary>
    /// Applies the settings to the REST API's <paramref name="options"/> and makes reading request bodies
    /// strict: a number must be a JSON number (ASP.NET Core's web defaults also read "100" as 100), and a
    /// property the request type does not have is an error instead of being dropped.
    /// </summary>
    /// <remarks>The live feed keeps <see cref="Configure"/> alone, so clients may send extra properties.</remarks>
    public static void ConfigureRequests(JsonSerializerOptions options)
    {
        Configure(options);
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.Null => double.NaN,
                JsonTokenType.Number => reader.GetDouble(),
                _ => throw new JsonException($"expected a JSON number, not {reader.TokenType}"),
            };

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
