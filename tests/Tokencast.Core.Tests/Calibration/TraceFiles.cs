using System.Globalization;
using System.Text.Json;
using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

/// <summary>
/// Test-only reader of the two trace formats in examples/data, copied next to the test assembly.
/// </summary>
internal static class TraceFiles
{
    public const string AzureCode =
        "azure-llm-inference-2023/AzureLLMInferenceTrace_code_shared_1815-1845.csv";
    public const string AzureConversation =
        "azure-llm-inference-2023/AzureLLMInferenceTrace_conv_shared_1815-1845.csv";
    public const string MooncakeConversation = "mooncake-fast25/conversation_trace_shared_0-30min.jsonl";
    public const string MooncakeSynthetic = "mooncake-fast25/synthetic_trace_shared_0-511s.jsonl";

    public static string PathOf(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, "data", relativePath);

    /// <summary>Reads an Azure trace CSV: TIMESTAMP, ContextTokens, GeneratedTokens.</summary>
    public static List<TokenObservation> ReadAzureCsv(string relativePath, string feature)
    {
        var lines = File.ReadAllLines(PathOf(relativePath));
        Assert.Equal("TIMESTAMP,ContextTokens,GeneratedTokens", lines[0]);
        var observations = new List<TokenObservation>();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            var timestamp = DateTimeOffset.ParseExact(
                fields[0],
                "yyyy-MM-dd HH:mm:ss.fffffff",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal);
            observations.Add(new TokenObservation(
                feature,
                ConversationId: null,
                timestamp,
                long.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[2], CultureInfo.InvariantCulture),
                ReasoningTokens: null,
                PrefixBlockHashes: null,
                SourceLine: i + 1,
                relativePath));
        }

        return observations;
    }

    /// <summary>
    /// Reads a Mooncake trace: one JSON object per line with timestamp (ms from trace start),
    /// input_length, output_length and hash_ids.
    /// </summary>
    public static List<TokenObservation> ReadMooncakeJsonl(string relativePath, string feature)
    {
        var lines = File.ReadAllLines(PathOf(relativePath));
        var observations = new List<TokenObservation>();
        for (var i = 0; i < lines.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            var root = document.RootElement;
            var hashes = root.GetProperty("hash_ids").EnumerateArray().Select(h => h.GetInt64()).ToList();
            observations.Add(new TokenObservation(
                feature,
                ConversationId: null,
                DateTimeOffset.UnixEpoch.AddMilliseconds(root.GetProperty("timestamp").GetInt64()),
                root.GetProperty("input_length").GetInt64(),
                root.GetProperty("output_length").GetInt64(),
                ReasoningTokens: null,
                hashes,
                SourceLine: i + 1,
                relativePath));
        }

        return observations;
    }
}
