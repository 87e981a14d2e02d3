namespace Tokencast.Core.Randomness;

/// <summary>
/// Fills buffers with standard normal deviates by the Marsaglia–Bray polar method (1964). It uses both
/// deviates of each accepted pair and needs no trigonometric calls, which matters because the engine
/// draws one deviate per simulated month.
/// </summary>
public static class StandardNormal
{
    /// <summary>Fills <paramref name="values"/> with independent N(0, 1) deviates from <paramref name="random"/>.</summary>
    public static void Fill(StableRandom random, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(random);
        var i = 0;
        while (i < values.Length)
        {
            double u;
            double v;
            double s;
            do
            {
                u = 2 * random.NextDouble() - 1;
                v = 2 * random.NextDouble() - 1;
                s = u * u + v * v;
            }
            while (s >= 1 || s == 0);

            var factor = Math.Sqrt(-2 * Math.Log(s) / s);
            values[i++] = u * factor;
            if (i < values.Length)
            {
                values[i++] = v * factor;
            }
        }
    }
}
