using System.Globalization;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Writes observed token counts as a CSV file that an <c>empirical</c> token distribution of a scenario
/// can resample.
/// </summary>
public static class EmpiricalSampleWriter
{
    /// <summary>Column of input tokens.</summary>
    public const string InputColumn = "input_tokens";

    /// <summary>Column of output tokens.</summary>
    public const string OutputColumn = "output_tokens";

    /// <summary>Column of reasoning tokens, empty for requests that do not record them.</summary>
    public const string ReasoningColumn = "reasoning_tokens";

    /// <summary>Returns the CSV column of a token kind.</summary>
    public static string ColumnOf(TokenKind kind) => kind switch
    {
        TokenKind.Input => InputColumn,
        TokenKind.Output => OutputColumn,
        TokenKind.Reasoning => ReasoningColumn,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Writes a header and one row per observation, zeros included, in the order given.
    /// </summary>
    public static void Write(IEnumerable<TokenObservation> observations, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"{InputColumn},{OutputColumn},{ReasoningColumn}\n");
        foreach (var o in observations)
        {
            var reasoning = o.ReasoningTokens?.ToString(CultureInfo.InvariantCulture) ?? "";
            var row = string.Create(
                CultureInfo.InvariantCulture, $"{o.InputTokens},{o.OutputTokens},{reasoning}\n");
            writer.Write(row);
        }
    }
}
