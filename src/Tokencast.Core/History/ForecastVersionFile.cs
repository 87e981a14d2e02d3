using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Tokencast.Core.Inputs;

namespace Tokencast.Core.History;

/// <summary>
/// Writes and reads the JSON file of one forecast version. The result is embedded as the raw bands.json
/// value, so reading the file gives back the very bytes that were written, checked by their SHA-256.
/// </summary>
public static class ForecastVersionFile
{
    /// <summary>The value of the file's <c>format</c> property.</summary>
    public const string Format = "tokencast.forecast-version.v1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes <paramref name="version"/> as one JSON object to <paramref name="destination"/>.</summary>
    public static void Write(ForecastVersion version, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(destination);
        using var json = new Utf8JsonWriter(destination, Options);
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("name", version.Name);
        json.WriteNumber("version", version.Number);
        if (version.CutOff is { } cutOff)
        {
            json.WriteString("cut_off", cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("cut_off");
        }

        json.WriteString("created_at", version.CreatedAt);
        json.WriteString("note", version.Note);
        json.WriteStartArray("actuals_imports");
        foreach (var id in version.ImportIds)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        json.WriteString("input_hash", version.InputHash);
        WriteInputs(version.Inputs, json);
        json.WriteString("result_sha256", Convert.ToHexStringLower(SHA256.HashData(version.BandsJson.AsSpan())));
        json.WritePropertyName("result");
        json.WriteRawValue(version.BandsJson.AsSpan(), skipInputValidation: false);
        json.WriteEndObject();
    }

    /// <summary>Parses a file that <see cref="Write"/> wrote.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="path">The file's path, for error messages.</param>
    /// <exception cref="InvalidInputException">
    /// The file is not valid JSON, is of another format, lacks a property, or its result does not match its
    /// checksum.
    /// </exception>
    public static ForecastVersion Read(ReadOnlySpan<byte> utf8Json, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != Format)
            {
                throw Invalid(path, "format", format, $"is not a forecast version file; expected format {Format}");
            }

            var result = root.GetProperty("result");
            var bandsJson = Encoding.UTF8.GetBytes(result.GetRawText());
            var checksum = root.GetProperty("result_sha256").GetString();
            if (checksum != Convert.ToHexStringLower(SHA256.HashData(bandsJson)))
            {
                throw Invalid(path, "result", null,
                    "does not match result_sha256, so the file was changed or damaged after it was written");
            }

            var cutOff = root.GetProperty("cut_off");
            return new ForecastVersion(
                root.GetProperty("name").GetString()!,
                root.GetProperty("version").GetInt32(),
                cutOff.ValueKind == JsonValueKind.Null
                    ? null
                    : DateOnly.ParseExact(cutOff.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                root.GetProperty("created_at").GetDateTimeOffset(),
                ReadInputs(root.GetProperty("inputs")),
                root.GetProperty("input_hash").GetString()!,
                [.. root.GetProperty("actuals_imports").EnumerateArray().Select(id => id.GetString()!)],
                root.GetProperty("note").GetString()!,
                [.. bandsJson]);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException
            or InvalidOperationException or FormatException)
        {
            throw Invalid(path, null, null, $"is not a readable forecast version file: {exception.Message}");
        }
    }

    private static void WriteInputs(VersionInputs inputs, Utf8JsonWriter json)
    {
        json.WriteStartObject("inputs");
        json.WriteString("main_file", inputs.Scenario.MainFile);
        json.WriteString("catalog_file", inputs.Scenario.CatalogFile);
        json.WriteStartArray("branches");
        foreach (var branch in inputs.Branches)
        {
            json.WriteStringValue(branch);
        }

        json.WriteEndArray();
        json.WriteNumber("trials", inputs.Trials);
        json.WriteNumber("seed", inputs.Seed);
        json.WriteStartObject("files");
        foreach (var path in inputs.Scenario.Files.Keys.Order(StringComparer.Ordinal))
        {
            json.WriteString(path, inputs.Scenario.Files[path]);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static VersionInputs ReadInputs(JsonElement inputs)
    {
        var files = inputs.GetProperty("files").EnumerateObject()
            .ToImmutableSortedDictionary(f => f.Name, f => f.Value.GetString()!, StringComparer.Ordinal);
        var bundle = new ScenarioBundle(
            inputs.GetProperty("main_file").GetString()!,
            files,
            inputs.GetProperty("catalog_file").GetString());
        return new VersionInputs(
            bundle,
            [.. inputs.GetProperty("branches").EnumerateArray().Select(b => b.GetString()!)],
            inputs.GetProperty("trials").GetInt32(),
            inputs.GetProperty("seed").GetUInt64());
    }

    private static InvalidInputException Invalid(string path, string? property, string? value, string message) =>
        new(new InputProblem(path, null, property, value, message));
}
