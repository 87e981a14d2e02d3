using System.Globalization;
using System.Text.Json;

namespace Tokencast.Core.Logs;

/// <summary>
/// Flattens one JSON object into column names joined with dots, such as <c>usage.prompt_tokens</c>.
/// Arrays are kept as their JSON text and null values become empty fields.
/// </summary>
internal static class JsonLineFlattener
{
    public static Dictionary<string, string> Flatten(JsonElement root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(fields, "", root);
        return fields;
    }

    private static void Add(Dictionary<string, string> fields, string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(fields, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", property.Value);
                }

                break;
            case JsonValueKind.String:
                fields[prefix] = element.GetString() ?? "";
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                fields[prefix] = "";
                break;
            case JsonValueKind.True or JsonValueKind.False:
                fields[prefix] = element.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
                break;
            default:
                fields[prefix] = element.GetRawText();
                break;
        }
    }
}
