using System.Globalization;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Field formatting shared by the CSV writers: RFC 4180 quoting and invariant-culture numbers.
/// </summary>
internal static class CsvText
{
    /// <summary>The record separator, CRLF as RFC 4180 requires.</summary>
    public const string RecordEnd = "\r\n";

    /// <summary>Format of USD spend: up to 6 decimals, so a micro-dollar is still visible.</summary>
    public const string SpendFormat = "0.######";

    /// <summary>
    /// Format of single-task USD cost: up to 10 decimals, because one call can cost 1e-6 USD.
    /// </summary>
    public const string TaskCostFormat = "0.##########";

    /// <summary>Format of probabilities, shares and counts.</summary>
    public const string PlainFormat = "0.######";

    /// <summary>
    /// Quotes <paramref name="value"/> when it contains a comma, a double quote, CR or LF, doubling
    /// inner quotes (RFC 4180, section 2).
    /// </summary>
    public static string Field(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Formats a number with <paramref name="format"/>, writing an empty field for NaN or infinity and
    /// "0" for a value that rounds to negative zero.
    /// </summary>
    public static string Number(double value, string format)
    {
        if (!double.IsFinite(value))
        {
            return "";
        }

        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
