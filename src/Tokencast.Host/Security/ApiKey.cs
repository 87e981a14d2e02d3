using System.Security.Cryptography;

namespace Tokencast.Host.Security;

/// <summary>A key that callers send as a bearer token or in the <c>X-Api-Key</c> header.</summary>
/// <param name="Name">Who holds the key; shown in logs, never the key itself.</param>
/// <param name="Secret">The key.</param>
/// <param name="Role">What the key may do.</param>
public sealed record ApiKey(string Name, string Secret, ApiRole Role)
{
    /// <summary>Shortest key accepted, so that keys cannot be guessed.</summary>
    public const int MinimumLength = 16;

    /// <summary>Returns a new planner key of 32 random bytes in base64url, for a host started without keys.</summary>
    public static ApiKey GeneratePlanner() =>
        new("generated", Base64Url(RandomNumberGenerator.GetBytes(32)), ApiRole.Planner);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Returns the key without its secret, so that it can be logged.</summary>
    public override string ToString() => $"{Name} ({Role.ToString().ToLowerInvariant()})";
}
