namespace Tokencast.Core.Reporting;

/// <summary>
/// Chooses round tick values for a chart axis with the "nice numbers" method of P. S. Heckbert,
/// "Nice Numbers for Graph Labels", Graphics Gems (1990): tick spacing is 1, 2 or 5 times a power of ten.
/// </summary>
public static class AxisTicks
{
    /// <summary>
    /// Returns ascending ticks whose first value is at or below <paramref name="min"/> and whose last
    /// value is at or above <paramref name="max"/>, spaced by a nice step, about
    /// <paramref name="targetCount"/> of them. When <paramref name="max"/> equals <paramref name="min"/>
    /// the range is widened to one unit (or to <c>|min|</c>) above it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, <paramref name="max"/> is below
    /// <paramref name="min"/>, or <paramref name="targetCount"/> is below 2.</exception>
    public static IReadOnlyList<double> Nice(double min, double max, int targetCount = 5)
    {
        if (!double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "The axis minimum must be finite.");
        }

        if (!double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(
                nameof(max), max, "The axis maximum must be finite and at least the minimum.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(targetCount, 2);

        if (max == min)
        {
            max = min + (min == 0 ? 1 : Math.Abs(min));
        }

        var range = NiceNumber(max - min, round: false);
        var step = NiceNumber(range / (targetCount - 1), round: true);
        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;

        // Rounding each tick to the decimals of a fractional step removes float noise such as
        // 0.6000000000000001. Math.Round accepts at most 15 decimals.
        var decimals = -(int)Math.Floor(Math.Log10(step));
        var count = (int)Math.Round((last - first) / step) + 1;
        var ticks = new double[count];
        for (var i = 0; i < count; i++)
        {
            var tick = first + i * step;
            ticks[i] = decimals is > 0 and <= 15 ? Math.Round(tick, decimals) : tick;
        }

        return ticks;
    }

    /// <summary>
    /// Returns 1, 2, 5 or 10 times the power of ten of <paramref name="value"/>: the nearest of them when
    /// <paramref name="round"/> is set, otherwise the smallest that is at least <paramref name="value"/>.
    /// </summary>
    private static double NiceNumber(double value, bool round)
    {
        var exponent = Math.Floor(Math.Log10(value));
        var power = Math.Pow(10, exponent);
        var fraction = value / power;
        var nice = round
            ? fraction switch
            {
                < 1.5 => 1,
                < 3 => 2,
                < 7 => 5,
                _ => 10,
            }
            : fraction switch
            {
                <= 1 => 1,
                <= 2 => 2,
                <= 5 => 5,
                _ => 10,
            };

        return nice * power;
    }
}
