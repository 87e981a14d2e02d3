namespace Tokencast.Core.Pricing;

/// <summary>
/// A catalog price that was not loaded because its magnitude shows a unit error. The model cannot
/// be priced until an override supplies the same price.
/// </summary>
/// <param name="AbovePromptTokens">Threshold of the tier the price belonged to.</param>
/// <param name="Key">Service tier and bucket of the price.</param>
/// <param name="SourceKey">The catalog key as written, such as <c>input_cost_per_token</c>.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Message">Why the price was rejected and what was expected.</param>
public sealed record RejectedPrice(
    long AbovePromptTokens, PriceKey Key, string SourceKey, decimal Value, string Message);
