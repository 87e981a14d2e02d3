using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Tokencast.Core.Inputs;

namespace Tokencast.Core.History;

/// <summary>Everything a forecast version was computed from, apart from the actuals it names.</summary>
/// <param name="Scenario">The scenario file and the text of every file it read.</param>
/// <param name="Branches">The branches run, in order; empty when every branch of the scenario was run.</param>
/// <param name="Trials">Trials per branch.</param>
/// <param name="Seed">The run seed.</param>
public sealed record VersionInputs(ScenarioBundle Scenario, IReadOnlyList<string> Branches, int Trials, ulong Seed)
{
    /// <summary>
    /// Computes a lowercase hex SHA-256 over the scenario bundle's content hash, the branches, the trials and
    /// the seed, so that two runs of the same inputs give the same hash.
    /// </summary>
    public string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, Scenario.ComputeContentHash());
        Span<byte> number = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteInt64LittleEndian(number, Branches.Count);
        hash.AppendData(number);
        foreach (var branch in Branches)
        {
            AppendText(hash, branch);
        }

        BinaryPrimitives.WriteInt64LittleEndian(number, Trials);
        hash.AppendData(number);
        BinaryPrimitives.WriteUInt64LittleEndian(number, Seed);
        hash.AppendData(number);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Each text is written as its UTF-8 length and bytes, so that no two different lists give the same input.
    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.LongLength);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
