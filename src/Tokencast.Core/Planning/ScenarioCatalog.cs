using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Planning;

/// <summary>
/// Builds the price catalog a scenario runs against: the bundled LiteLLM snapshot or the file named by
/// <c>catalog:</c>, plus the scenario's own prices, dated price changes and aliases.
/// </summary>
public static class ScenarioCatalog
{
    /// <summary>Loads the base catalog and applies the scenario's prices, price changes and aliases.</summary>
    /// <param name="scenario">The scenario, whose <c>catalog</c> path is relative to its file.</param>
    /// <param name="catalogOverride">A catalog file that replaces the scenario's and the bundled one, or null.</param>
    /// <param name="files">Source of the catalog file; null reads from disk.</param>
    public static PriceCatalog Build(
        Scenario scenario, string? catalogOverride = null, IInputFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var catalog = LoadBase(scenario, catalogOverride, files);

        var overrides = new List<PriceOverride>();
        var problems = new List<InputProblem>();
        foreach (var price in scenario.Prices)
        {
            Collect(() => overrides.Add(ToOverride(price, price.Effective)), problems);
        }

        foreach (var change in scenario.Events.OfType<PriceChangeEvent>())
        {
            Collect(() => overrides.Add(ToOverride(change.Price, change.Date)), problems);
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var aliases = scenario.Aliases.Select(a => new ModelAlias(a.Alias, a.Model, a.From));
        return catalog.WithOverrides(overrides).WithAliases(aliases);
    }

    private static PriceCatalog LoadBase(Scenario scenario, string? catalogOverride, IInputFiles? files)
    {
        if (catalogOverride is not null)
        {
            return PriceCatalog.LoadFile(catalogOverride, files);
        }

        if (scenario.CatalogPath is null)
        {
            return PriceCatalog.LoadBundled();
        }

        var directory = scenario.SourceFile is null ? "." : Path.GetDirectoryName(Path.GetFullPath(scenario.SourceFile)) ?? ".";
        return PriceCatalog.LoadFile(Path.Combine(directory, scenario.CatalogPath), files);
    }

    private static PriceOverride ToOverride(PriceSpec price, DateOnly? effective) =>
        PriceOverride.FromPerMillionTokens(
            price.Model,
            effective,
            ToPerMillion(price.Prices, price.PerRequestUsd, price.LongContext, price.Batch),
            price.Source.File,
            price.Source.Path);

    private static PerMillionTokenPrices ToPerMillion(
        TokenPriceSet prices, decimal? perRequestUsd, LongContextPriceSpec? longContext, TokenPriceSet? batch) =>
        new()
        {
            InputPerMillionTokens = prices.InputPerMtok,
            OutputPerMillionTokens = prices.OutputPerMtok,
            CacheReadPerMillionTokens = prices.CacheReadPerMtok,
            CacheWrite5MinutesPerMillionTokens = prices.CacheWrite5mPerMtok,
            CacheWrite1HourPerMillionTokens = prices.CacheWrite1hPerMtok,
            ReasoningPerMillionTokens = prices.ReasoningPerMtok,
            PerRequestUsd = perRequestUsd,
            LongContext = longContext is null
                ? null
                : new LongContextPrices(longContext.AboveTokens, ToPerMillion(longContext.Prices, null, null, null)),
            Batch = batch is null ? null : ToPerMillion(batch, null, null, null),
        };

    private static void Collect(Action action, List<InputProblem> problems)
    {
        try
        {
            action();
        }
        catch (InvalidInputException exception)
        {
            problems.AddRange(exception.Problems);
        }
    }
}
