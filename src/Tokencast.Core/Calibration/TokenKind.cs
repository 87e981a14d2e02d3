namespace Tokencast.Core.Calibration;

/// <summary>Kind of token count in a request, one fitted distribution each.</summary>
public enum TokenKind
{
    /// <summary>Input (prompt) tokens.</summary>
    Input,

    /// <summary>Output tokens.</summary>
    Output,

    /// <summary>Reasoning tokens, billed as output.</summary>
    Reasoning,
}
