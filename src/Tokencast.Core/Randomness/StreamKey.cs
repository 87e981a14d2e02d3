namespace Tokencast.Core.Randomness;

/// <summary>
/// Derives random-stream keys from stable ids: a run seed, a trial number and entity names. The same
/// ids give the same key on every machine and in every process, unlike <see cref="string.GetHashCode()"/>.
/// </summary>
public static class StreamKey
{
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>Hashes a name with 64-bit FNV-1a over its UTF-8 bytes.</summary>
    public static ulong Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = FnvOffset;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in name.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * FnvPrime;
            }
        }

        return Mix(hash);
    }

    /// <summary>
    /// Combines keys in order. Each key is finalised with its own constant before they meet, so (a, b)
    /// differs from (b, a), and nearby pairs such as (1, i) and (2, i) give unrelated keys.
    /// </summary>
    public static ulong Combine(ulong first, ulong second) =>
        Mix(Mix(first + 0x9E3779B97F4A7C15UL) ^ Mix(second + 0xD1B54A32D192ED03UL));

    /// <summary>Hashes several names in order, for composite ids such as a feature and a cohort.</summary>
    public static ulong Of(params ReadOnlySpan<string> names)
    {
        var key = FnvOffset;
        foreach (var name in names)
        {
            key = Combine(key, Of(name));
        }

        return key;
    }

    /// <summary>Finalises a 64-bit value with the MurmurHash3 mixer so nearby inputs give unrelated keys.</summary>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xFF51AFD7ED558CCDUL;
        value ^= value >> 33;
        value *= 0xC4CEB9FE1A85EC53UL;
        value ^= value >> 33;
        return value;
    }
}
