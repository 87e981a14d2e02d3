namespace Tokencast.Core.Variance;

/// <summary>
/// Tasks, token totals and bucket prices of one (feature, model) cell over a closed period.
/// </summary>
/// <param name="Feature">Feature of the cell.</param>
/// <param name="Model">Model of the cell.</param>
/// <param name="Tasks">Tasks in the period. A forecast may give a fractional count.</param>
/// <param name="Tokens">Tokens of all the cell's tasks together, by bucket.</param>
/// <param name="Prices">Bucket prices that turn the tokens into spend.</param>
public sealed record CellFactors(string Feature, string Model, decimal Tasks, TokenAmounts Tokens, BucketPrices Prices)
{
    /// <summary>Mean tokens per task by bucket, or all zero when the cell has no tasks.</summary>
    public TokenAmounts TokensPerTask => Tasks == 0
        ? default
        : new TokenAmounts(
            Tokens.UncachedInput / Tasks, Tokens.CacheRead / Tasks, Tokens.CacheWrite / Tasks, Tokens.Output / Tasks);

    /// <summary>Spend of the cell: each bucket's tokens times its price, in USD. Exact in decimal.</summary>
    public decimal SpendUsd =>
        (Tokens.UncachedInput * Prices.UncachedInputPerMillionTokens
            + Tokens.CacheRead * Prices.CacheReadPerMillionTokens
            + Tokens.CacheWrite * Prices.CacheWritePerMillionTokens
            + Tokens.Output * Prices.OutputPerMillionTokens) / 1_000_000m;

    /// <summary>Creates a forecast cell from a task count and mean tokens per task.</summary>
    public static CellFactors FromTokensPerTask(
        string feature, string model, decimal tasks, TokenAmounts tokensPerTask, BucketPrices prices)
    {
        var totals = new TokenAmounts(
            tasks * tokensPerTask.UncachedInput,
            tasks * tokensPerTask.CacheRead,
            tasks * tokensPerTask.CacheWrite,
            tasks * tokensPerTask.Output);
        return new CellFactors(feature, model, tasks, totals, prices);
    }
}
