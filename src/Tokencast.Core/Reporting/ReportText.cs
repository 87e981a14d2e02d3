using System.Globalization;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Text forms of months, money and probabilities in the report files, in invariant culture.
/// </summary>
internal static class ReportText
{
    /// <summary>Formats a month as <c>yyyy-MM</c>, the form of the CSV and JSON files.</summary>
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Formats a month for people, such as <c>Jan 2027</c>.</summary>
    public static string MonthLabel(DateOnly month) =>
        month.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats an axis value in USD with a k, M or B suffix and at most three significant digits for
    /// values of a thousand or more, such as <c>$0</c>, <c>$250</c>, <c>$12k</c>, <c>$1.2M</c>.
    /// </summary>
    public static string CompactUsd(double value)
    {
        var magnitude = Math.Abs(value);
        var (scaled, suffix) = magnitude switch
        {
            >= 1e9 => (magnitude / 1e9, "B"),
            >= 1e6 => (magnitude / 1e6, "M"),
            >= 1e3 => (magnitude / 1e3, "k"),
            _ => (magnitude, ""),
        };
        var format = suffix.Length > 0 || scaled >= 1 ? "0.##" : "0.######";
        var text = scaled.ToString(format, CultureInfo.InvariantCulture);
        return (value < 0 && text != "0" ? "-$" : "$") + text + suffix;
    }

    /// <summary>
    /// Formats an amount in USD for tables: whole dollars with thousands separators from $100, cents from
    /// $1, and three significant digits below $1 (cost per task can be a fraction of a cent).
    /// </summary>
    public static string Usd(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        var magnitude = Math.Abs(value);
        string text;
        if (magnitude >= 100)
        {
            text = magnitude.ToString("#,0", CultureInfo.InvariantCulture);
        }
        else if (magnitude >= 1)
        {
            text = magnitude.ToString("0.00", CultureInfo.InvariantCulture);
        }
        else if (magnitude == 0)
        {
            text = "0";
        }
        else
        {
            var decimals = Math.Min(2 - (int)Math.Floor(Math.Log10(magnitude)), 15);
            var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
            text = magnitude.ToString(format, CultureInfo.InvariantCulture);
        }

        return (value < 0 && text != "0" ? "-$" : "$") + text;
    }

    /// <summary>
    /// Formats a probability or share as a percentage with one decimal, such as <c>12.5 %</c>.
    /// </summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? share.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Formats a count with thousands separators and no decimals.</summary>
    public static string Count(double value) =>
        double.IsFinite(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : "n/a";
}
