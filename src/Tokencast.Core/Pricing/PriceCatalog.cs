using System.Globalization;
using Tokencast.Core.Inputs;

namespace Tokencast.Core.Pricing;

/// <summary>
/// Token prices of many models, with local overrides, effective-dated price changes and aliases.
/// Instances are immutable: <see cref="WithOverrides"/> and <see cref="WithAliases"/> return new
/// catalogs that share the loaded entries.
/// </summary>
public sealed class PriceCatalog
{
    private const string BundledResource = "Tokencast.Core.Pricing.Data.model_prices_and_context_window.json";
    private const int MaxAliasHops = 16;

    private static readonly Lazy<PriceCatalog> Bundled = new(LoadBundledCore);

    private readonly IReadOnlyDictionary<string, ModelPrices> _models;
    private readonly IReadOnlyList<PriceOverride> _overrides;
    private readonly IReadOnlyList<ModelAlias> _aliases;

    private PriceCatalog(
        string source,
        IReadOnlyDictionary<string, ModelPrices> models,
        CatalogLoadReport loadReport,
        IReadOnlyList<PriceOverride> overrides,
        IReadOnlyList<ModelAlias> aliases)
    {
        Source = source;
        _models = models;
        LoadReport = loadReport;
        _overrides = overrides;
        _aliases = aliases;
    }

    /// <summary>File or resource the catalog was loaded from.</summary>
    public string Source { get; }

    /// <summary>Keys that loading did not use as token prices, and prices it rejected.</summary>
    public CatalogLoadReport LoadReport { get; }

    /// <summary>Catalog keys of the loaded models, without overrides or aliases.</summary>
    public IEnumerable<string> ModelNames => _models.Keys;

    /// <summary>
    /// Loads the LiteLLM catalog compiled into this library. A price in it above
    /// <see cref="PriceOverride.MaxPlausiblePricePerToken"/> per token is dropped and listed in
    /// <see cref="LoadReport"/>, and its model is rejected with the reason when it is priced.
    /// </summary>
    public static PriceCatalog LoadBundled() => Bundled.Value;

    /// <summary>
    /// Loads a catalog in LiteLLM's JSON format from a file. Any implausible price fails the load,
    /// and every such price is listed.
    /// </summary>
    /// <param name="path">
    /// The catalog file, relative to the current folder or full. Messages name it as given.
    /// </param>
    /// <param name="files">Source of the file; null reads from disk.</param>
    /// <exception cref="InvalidInputException">The file is not a valid catalog.</exception>
    public static PriceCatalog LoadFile(string path, IInputFiles? files = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = (files ?? DiskInputFiles.Instance).OpenRead(Path.GetFullPath(path));
        return Load(stream, path, rejectImplausiblePrices: true);
    }

    /// <summary>Loads a catalog in LiteLLM's JSON format from a stream.</summary>
    /// <param name="json">The catalog JSON.</param>
    /// <param name="source">Name of the source for messages.</param>
    /// <param name="rejectImplausiblePrices">
    /// True to fail on any implausible price; false to drop such prices and reject their models on use.
    /// </param>
    public static PriceCatalog Load(Stream json, string source, bool rejectImplausiblePrices)
    {
        var (models, report) = new LiteLlmCatalogParser(source, rejectImplausiblePrices).Parse(json);
        return new PriceCatalog(source, models, report, [], []);
    }

    /// <summary>Returns a catalog with no models, for scenarios that define every price themselves.</summary>
    public static PriceCatalog Empty() =>
        new("(empty)", new Dictionary<string, ModelPrices>(),
            new CatalogLoadReport(0, [], [], [], new Dictionary<string, IReadOnlyList<RejectedPrice>>(), []),
            [], []);

    /// <summary>Returns a catalog with the overrides added after the existing ones.</summary>
    public PriceCatalog WithOverrides(IEnumerable<PriceOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new PriceCatalog(Source, _models, LoadReport, [.. _overrides, .. overrides], _aliases);
    }

    /// <summary>Returns a catalog with the aliases added.</summary>
    public PriceCatalog WithAliases(IEnumerable<ModelAlias> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        return new PriceCatalog(Source, _models, LoadReport, _overrides, [.. _aliases, .. aliases]);
    }

    /// <summary>
    /// Returns the prices of a model in effect on a date: the alias in effect on that date is
    /// followed, then the catalog entry is merged with every override effective on or before the
    /// date, in date order. Names are matched exactly; there is no default model and no substring match.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The name is unknown (the message suggests up to 5 close names), an alias has no target on
    /// the date, or aliases form a cycle.
    /// </exception>
    public ModelPrices Resolve(string model, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(model);
        var target = ResolveAlias(model, date);
        var applicable = _overrides
            .Where(o => o.Model == target && (o.Effective is null || o.Effective <= date))
            .OrderBy(o => o.Effective ?? DateOnly.MinValue)
            .ToList();

        if (!_models.TryGetValue(target, out var prices))
        {
            if (applicable.Count == 0)
            {
                throw UnknownModel(model, target, date);
            }

            var emptyBaseTier = new PriceTier(0, new Dictionary<PriceKey, decimal>());
            prices = new ModelPrices { Model = target, Tiers = [emptyBaseTier] };
        }

        foreach (var priceOverride in applicable)
        {
            prices = Apply(prices, priceOverride);
        }

        return prices;
    }

    /// <summary>Returns whether <paramref name="model"/> names a model, override or alias.</summary>
    public bool Contains(string model) =>
        _models.ContainsKey(model)
        || _overrides.Any(o => o.Model == model)
        || _aliases.Any(a => a.Alias == model);

    /// <summary>Suggests up to <paramref name="maxCount"/> known names close to an unknown one.</summary>
    public IReadOnlyList<string> SuggestNames(string model, int maxCount = 5) =>
        ModelNameSuggester.Suggest(model, AllNames(), maxCount);

    private IEnumerable<string> AllNames() =>
        _models.Keys.Concat(_overrides.Select(o => o.Model)).Concat(_aliases.Select(a => a.Alias));

    private string ResolveAlias(string model, DateOnly date)
    {
        var name = model;
        var visited = new List<string> { name };
        for (var hop = 0; hop < MaxAliasHops; hop++)
        {
            var aliases = _aliases.Where(a => a.Alias == name).ToList();
            if (aliases.Count == 0)
            {
                return name;
            }

            var current = aliases
                .Where(a => a.From is null || a.From <= date)
                .OrderBy(a => a.From ?? DateOnly.MinValue)
                .LastOrDefault();
            if (current is null)
            {
                if (_models.ContainsKey(name) || _overrides.Any(o => o.Model == name))
                {
                    return name;
                }

                var first = aliases.Min(a => a.From)!.Value;
                throw new InvalidInputException(new InputProblem(null, null, "model", model,
                    $"alias '{name}' points to no model on {Format(date)}; its first target starts on "
                    + $"{Format(first)}. Add an alias without a 'from' date or use a catalog model name"));
            }

            name = current.Model;
            if (visited.Contains(name))
            {
                throw new InvalidInputException(new InputProblem(null, null, "aliases", model,
                    $"aliases form a cycle: {string.Join(" -> ", visited)} -> {name}; remove one of them"));
            }

            visited.Add(name);
        }

        throw new InvalidInputException(new InputProblem(null, null, "aliases", model,
            $"alias chain is longer than {MaxAliasHops}; point aliases at catalog models directly"));
    }

    private InvalidInputException UnknownModel(string model, string target, DateOnly date)
    {
        var suggestions = SuggestNames(target);
        var hint = suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : "";
        var via = model == target ? "" : $" (alias '{model}' on {Format(date)})";
        return new InvalidInputException(new InputProblem(null, null, "model", target,
            $"model '{target}'{via} is not in the price catalog ({Source}){hint} "
            + "Use a catalog name, add the model with a price override, or pass a catalog that has it"));
    }

    private static ModelPrices Apply(ModelPrices prices, PriceOverride priceOverride)
    {
        var tiers = prices.Tiers.ToDictionary(tier => tier.AbovePromptTokens);
        foreach (var tier in priceOverride.Tiers)
        {
            tiers[tier.AbovePromptTokens] = tiers.TryGetValue(tier.AbovePromptTokens, out var existing)
                ? existing.With(tier.PricesPerToken)
                : tier;
        }

        // A rejected catalog price stops blocking the model once an override supplies the same price.
        var rejected = prices.RejectedPrices
            .Where(r => !priceOverride.Tiers.Any(t =>
                t.AbovePromptTokens == r.AbovePromptTokens && t.PricesPerToken.ContainsKey(r.Key)))
            .ToList();

        return prices with
        {
            Tiers = tiers.Values.OrderBy(tier => tier.AbovePromptTokens).ToList(),
            PerRequestUsd = priceOverride.PerRequestUsd ?? prices.PerRequestUsd,
            RejectedPrices = rejected,
        };
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PriceCatalog LoadBundledCore()
    {
        using var stream = typeof(PriceCatalog).Assembly.GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException(
                $"Embedded resource {BundledResource} is missing from the build.");
        return Load(stream, "bundled LiteLLM catalog 2026-07-24", rejectImplausiblePrices: false);
    }
}
