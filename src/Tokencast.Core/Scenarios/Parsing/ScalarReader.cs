using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Converts single YAML values to numbers, dates and text, reporting a problem with the node's line and path
/// when the value has the wrong type or is out of range.
/// </summary>
internal static partial class ScalarReader
{
    public static bool TryText(YamlNode node, string path, ParseContext context, out string text)
    {
        text = "";
        if (node is not YamlScalarNode { Value: { } value } || IsNull(node))
        {
            context.Report(node, path, ValueOf(node), $"expected text, got {NodeText.Describe(node)}");
            return false;
        }

        text = value;
        return true;
    }

    public static bool TryNumber(YamlNode node, string path, ParseContext context, ValueRange range, out double number)
    {
        number = 0;
        if (!TryPlainScalar(node, path, context, range.Description, out var text))
        {
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            || !double.IsFinite(number))
        {
            context.Report(node, path, text, $"expected {range.Description}");
            return false;
        }

        return CheckRange(node, path, context, range, number, text);
    }

    public static bool TryInteger(YamlNode node, string path, ParseContext context, ValueRange range, out long integer)
    {
        integer = 0;
        if (!TryPlainScalar(node, path, context, range.Description, out var text))
        {
            return false;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer))
        {
            context.Report(node, path, text, $"expected {range.Description}");
            return false;
        }

        return CheckRange(node, path, context, range, integer, text);
    }

    public static bool TryMoney(YamlNode node, string path, ParseContext context, ValueRange range, out decimal amount)
    {
        amount = 0;
        if (!TryPlainScalar(node, path, context, range.Description, out var text))
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out amount))
        {
            context.Report(node, path, text, $"expected {range.Description}");
            return false;
        }

        return CheckRange(node, path, context, range, (double)amount, text);
    }

    /// <summary>Reads a day written as <c>YYYY-MM-DD</c>.</summary>
    public static bool TryDate(YamlNode node, string path, ParseContext context, out DateOnly date)
    {
        date = default;
        if (!TryText(node, path, context, out var text))
        {
            return false;
        }

        if (!DatePattern().IsMatch(text)
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            context.Report(node, path, text, "expected a date written as YYYY-MM-DD, such as 2027-03-01");
            return false;
        }

        return true;
    }

    /// <summary>Reads a month written as <c>YYYY-MM</c> and returns its first day.</summary>
    public static bool TryMonth(YamlNode node, string path, ParseContext context, out DateOnly month)
    {
        month = default;
        if (!TryText(node, path, context, out var text))
        {
            return false;
        }

        if (!MonthPattern().IsMatch(text)
            || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out month))
        {
            context.Report(node, path, text, "expected a month written as YYYY-MM, such as 2027-01");
            return false;
        }

        return true;
    }

    public static bool TryBoolean(YamlNode node, string path, ParseContext context, out bool value)
    {
        value = false;
        if (!TryPlainScalar(node, path, context, "true or false", out var text))
        {
            return false;
        }

        if (!bool.TryParse(text, out value))
        {
            context.Report(node, path, text, "expected true or false");
            return false;
        }

        return true;
    }

    /// <summary>Returns the value as written for messages: the text of a single value, else flow style.</summary>
    public static string? ValueOf(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value : NodeText.RenderForMessage(node);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };

    // Numbers and booleans must be unquoted, as in JSON: "0.4" in quotes is text, not a number.
    private static bool TryPlainScalar(YamlNode node, string path, ParseContext context, string expected,
        out string text)
    {
        text = "";
        if (node is not YamlScalarNode { Value: { } value } scalar || IsNull(node))
        {
            context.Report(node, path, ValueOf(node), $"expected {expected}, got {NodeText.Describe(node)}");
            return false;
        }

        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            context.Report(node, path, value, $"expected {expected}, got quoted text; remove the quotes");
            return false;
        }

        text = value;
        return true;
    }

    private static bool CheckRange(YamlNode node, string path, ParseContext context, ValueRange range,
        double value, string text)
    {
        if (range.Contains(value))
        {
            return true;
        }

        context.Report(node, path, text, $"out of range; expected {range.Description}");
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();
}
