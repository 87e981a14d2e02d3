using System.Security.Cryptography;
using System.Text;

namespace Tokencast.Host.Security;

/// <summary>
/// The keys a host accepts. It keeps only their SHA-256 hashes and compares hashes in constant time, so
/// that neither memory dumps nor response timings give a key away.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly (byte[] Hash, ApiKey Key)[] _keys;

    /// <summary>Checks and stores <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException">A key is too short, or two keys have the same secret or name.</exception>
    public ApiKeyStore(IEnumerable<ApiKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToList();
        foreach (var key in list)
        {
            if (key.Secret.Length < ApiKey.MinimumLength)
            {
                throw new ArgumentException(
                    $"key {key.Name}: is {key.Secret.Length} characters long; a key needs at least {ApiKey.MinimumLength}", nameof(keys));
            }
        }

        if (list.GroupBy(k => k.Secret, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } shared)
        {
            throw new ArgumentException($"keys {string.Join(" and ", shared.Select(k => k.Name))}: have the same secret", nameof(keys));
        }

        _keys = [.. list.Select(key => (Hash(key.Secret), key with { Secret = "" }))];
    }

    /// <summary>Number of keys.</summary>
    public int Count => _keys.Length;

    /// <summary>Returns the key with this secret (its secret blanked), or null.</summary>
    public ApiKey? Find(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hash = Hash(secret);
        ApiKey? found = null;
        foreach (var (stored, key) in _keys)
        {
            // Every key is compared, so the time taken does not tell which one matched.
            if (CryptographicOperations.FixedTimeEquals(stored, hash))
            {
                found = key;
            }
        }

        return found;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
