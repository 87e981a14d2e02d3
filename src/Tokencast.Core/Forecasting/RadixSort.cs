namespace Tokencast.Core.Forecasting;

/// <summary>
/// Sorts doubles by a least-significant-digit radix sort on their bit patterns, eight bits a pass. A
/// double's bits, with the sign bit flipped for positive numbers and all bits flipped for negative ones,
/// order like the numbers themselves (the usual IEEE 754 trick), so no comparison is needed. Passes
/// whose byte is the same for every value are skipped, which for spend (positive, similar magnitudes)
/// leaves about five of the eight. Used for the thousands of per-series sorts behind the bands.
/// </summary>
internal static class RadixSort
{
    private const int Radix = 256;
    private const int Passes = 8;

    /// <summary>Sorts <paramref name="values"/> ascending, using <paramref name="buffer"/> of the same length.</summary>
    /// <remarks>
    /// Unlike <see cref="Array.Sort(Array)"/>, which puts NaN first, this puts NaN after positive infinity. Bands
    /// never see NaN because input bounds keep every spend finite.
    /// </remarks>
    public static void Sort(Span<double> values, Span<double> buffer)
    {
        if (buffer.Length < values.Length)
        {
            throw new ArgumentException("The buffer must be at least as long as the values.", nameof(buffer));
        }

        var n = values.Length;
        Span<int> counts = stackalloc int[Radix * Passes];
        counts.Clear();
        foreach (var value in values)
        {
            var key = KeyOf(value);
            for (var pass = 0; pass < Passes; pass++)
            {
                counts[pass * Radix + (int)((key >> (pass * 8)) & 0xFF)]++;
            }
        }

        var source = values;
        var target = buffer[..n];
        var inBuffer = false;
        Span<int> offsets = stackalloc int[Radix];
        for (var pass = 0; pass < Passes; pass++)
        {
            var passCounts = counts.Slice(pass * Radix, Radix);
            if (IsSingleBucket(passCounts, n))
            {
                continue;
            }

            var running = 0;
            for (var digit = 0; digit < Radix; digit++)
            {
                offsets[digit] = running;
                running += passCounts[digit];
            }

            foreach (var value in source)
            {
                var digit = (int)((KeyOf(value) >> (pass * 8)) & 0xFF);
                target[offsets[digit]++] = value;
            }

            var swap = source;
            source = target;
            target = swap;
            inBuffer = !inBuffer;
        }

        if (inBuffer)
        {
            source.CopyTo(values);
        }
    }

    private static ulong KeyOf(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    private static bool IsSingleBucket(ReadOnlySpan<int> counts, int n)
    {
        foreach (var count in counts)
        {
            if (count != 0)
            {
                return count == n;
            }
        }

        return true;
    }
}
