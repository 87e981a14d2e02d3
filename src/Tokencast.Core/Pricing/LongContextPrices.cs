namespace Tokencast.Core.Pricing;

/// <summary>Prices that apply when the whole prompt is strictly greater than a threshold.</summary>
/// <param name="AboveTokens">Prompt size in tokens that a call must exceed.</param>
/// <param name="Prices">Prices of the tier in USD per million tokens.</param>
public sealed record LongContextPrices(long AboveTokens, PerMillionTokenPrices Prices);
