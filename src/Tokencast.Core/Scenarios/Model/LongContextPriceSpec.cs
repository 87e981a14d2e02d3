namespace Tokencast.Core.Scenarios;

/// <summary>
/// Prices that apply to a whole call once its prompt (uncached input plus both cache kinds) exceeds
/// <paramref name="AboveTokens"/>.
/// </summary>
/// <param name="AboveTokens">Prompt size in tokens above which these prices apply.</param>
/// <param name="Prices">Prices above the threshold.</param>
public sealed record LongContextPriceSpec(long AboveTokens, TokenPriceSet Prices);
