using System.Globalization;
using System.Text.Json;

namespace Tokencast.Core.Pricing;

/// <summary>
/// Reads a catalog in LiteLLM's <c>model_prices_and_context_window.json</c> format into exact
/// decimal prices. Numbers are read from their JSON text, so 2.5e-06 becomes exactly 0.0000025.
/// </summary>
internal sealed class LiteLlmCatalogParser
{
    private readonly string _source;
    private readonly bool _rejectImplausiblePrices;
    private readonly List<InputProblem> _problems = [];
    private readonly List<CatalogKeyNote> _unknownKeys = [];
    private readonly List<CatalogKeyNote> _noBucketKeys = [];
    private readonly List<CatalogKeyNote> _notTokenPriceKeys = [];
    private readonly List<CatalogKeyNote> _conflicts = [];
    private readonly Dictionary<string, IReadOnlyList<RejectedPrice>> _rejected = new(StringComparer.Ordinal);

    /// <param name="source">File name or resource name for messages.</param>
    /// <param name="rejectImplausiblePrices">
    /// True to fail the whole load when any price is implausible (a user's catalog); false to drop
    /// such prices and mark their models as unusable (the bundled catalog).
    /// </param>
    public LiteLlmCatalogParser(string source, bool rejectImplausiblePrices)
    {
        _source = source;
        _rejectImplausiblePrices = rejectImplausiblePrices;
    }

    public (Dictionary<string, ModelPrices> Models, CatalogLoadReport Report) Parse(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidInputException(new InputProblem(_source, exception.LineNumber + 1, null, null,
                $"catalog is not valid JSON: {exception.Message}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException(new InputProblem(_source, null, null, null,
                    "catalog must be a JSON object keyed by model name, as in LiteLLM's "
                    + "model_prices_and_context_window.json"));
            }

            var models = new Dictionary<string, ModelPrices>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                // sample_spec documents the fields, and strings (such as a date) are metadata. Any other
                // value where a model entry is expected is a user's mistake, which a user catalog reports.
                if (entry.Name == "sample_spec"
                    || entry.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    continue;
                }

                if (entry.Value.ValueKind != JsonValueKind.Object)
                {
                    if (_rejectImplausiblePrices)
                    {
                        _problems.Add(new InputProblem(_source, null, entry.Name, Shorten(entry.Value),
                            $"model '{entry.Name}' is a JSON {Describe(entry.Value.ValueKind)}, but a model "
                            + "entry must be an object of prices, such as {\"input_cost_per_token\": 2.5e-06}."));
                    }

                    continue;
                }

                models[entry.Name] = ParseModel(entry.Name, entry.Value);
            }

            if (_problems.Count > 0)
            {
                throw new InvalidInputException(_problems);
            }

            var report = new CatalogLoadReport(
                models.Count, _unknownKeys, _noBucketKeys, _notTokenPriceKeys, _rejected, _conflicts);
            return (models, report);
        }
    }

    private ModelPrices ParseModel(string model, JsonElement entry)
    {
        var tiers = new SortedDictionary<long, Dictionary<PriceKey, decimal>> { [0] = [] };
        var rejected = new List<RejectedPrice>();
        var alternates = new List<(string Key, LiteLlmPriceKey Parsed, decimal Value)>();
        decimal? perRequest = null;
        decimal? perQuery = null;
        decimal? searchPerQuery = null;

        foreach (var property in entry.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (name)
            {
                case "input_cost_per_request":
                    perRequest = ReadFee(model, name, value);
                    continue;
                case "input_cost_per_query":
                    perQuery = ReadFee(model, name, value);
                    continue;
                case "search_context_cost_per_query":
                    searchPerQuery = ReadMediumSearchFee(model, name, value);
                    continue;
                case "tiered_pricing":
                    ParseTieredPricing(model, value, tiers, rejected);
                    continue;
            }

            if (!name.Contains("cost", StringComparison.Ordinal))
            {
                continue;
            }

            ParsePriceKey(model, "", name, value, 0, tiers, rejected, alternates);
        }

        AddAlternateSpellings(model, tiers, alternates);
        if (rejected.Count > 0)
        {
            _rejected[model] = rejected;
        }

        return new ModelPrices
        {
            Model = model,
            Provider = ReadString(entry, "litellm_provider"),
            Mode = ReadString(entry, "mode"),
            MaxInputTokens = entry.TryGetProperty("max_input_tokens", out var max) && max.TryGetInt64(out var m)
                ? m
                : null,
            Tiers = tiers.Select(tier => new PriceTier(tier.Key, tier.Value)).ToList(),
            PerRequestUsd = perRequest,
            PerQueryUsd = perQuery ?? searchPerQuery,
            RejectedPrices = rejected,
        };
    }

    private void ParsePriceKey(
        string model,
        string keyPrefix,
        string key,
        JsonElement value,
        long tierFloor,
        SortedDictionary<long, Dictionary<PriceKey, decimal>> tiers,
        List<RejectedPrice> rejected,
        List<(string Key, LiteLlmPriceKey Parsed, decimal Value)> alternates)
    {
        var parsed = LiteLlmKeyGrammar.Parse(key);
        var name = keyPrefix + key;
        switch (parsed.Kind)
        {
            case LiteLlmKeyKind.NotTokenPrice:
                _notTokenPriceKeys.Add(Note(model, name, parsed.Kind,
                    "price in another unit; not used for tokens"));
                return;
            case LiteLlmKeyKind.NoBucket:
                _noBucketKeys.Add(Note(model, name, parsed.Kind,
                    "price of a token kind without a bucket; ignored"));
                return;
            case LiteLlmKeyKind.Unknown:
                _unknownKeys.Add(Note(model, name, parsed.Kind, "unknown price key shape; ignored"));
                return;
        }

        if (!TryReadNumber(model, name, value, out var price))
        {
            return;
        }

        var above = Math.Max(parsed.AbovePromptTokens, tierFloor);
        var priceKey = new PriceKey(parsed.ServiceTier, parsed.Bucket!.Value);
        var problem = PriceOverride.CheckPricePerToken(price);
        if (problem is not null)
        {
            var rejectedPrice = new RejectedPrice(above, priceKey, name, price, problem);
            RecordImplausible(model, name, price, problem, rejectedPrice, rejected);
            return;
        }

        if (parsed.IsAlternateSpelling)
        {
            alternates.Add((name, parsed with { AbovePromptTokens = above }, price));
            return;
        }

        if (!tiers.TryGetValue(above, out var tier))
        {
            tier = [];
            tiers[above] = tier;
        }

        tier[priceKey] = price;
    }

    private void RecordImplausible(
        string model,
        string name,
        decimal price,
        string problem,
        RejectedPrice rejectedPrice,
        List<RejectedPrice> rejected)
    {
        if (_rejectImplausiblePrices)
        {
            _problems.Add(new InputProblem(_source, null, $"{model}.{name}",
                price.ToString(CultureInfo.InvariantCulture), $"model '{model}': {problem}"));
        }
        else
        {
            rejected.Add(rejectedPrice);
        }
    }

    // A key such as input_cost_per_token_cache_hit repeats the cache-read price under another name:
    // it fills the price only when the main key is absent, and a different value is reported.
    private void AddAlternateSpellings(
        string model,
        SortedDictionary<long, Dictionary<PriceKey, decimal>> tiers,
        List<(string Key, LiteLlmPriceKey Parsed, decimal Value)> alternates)
    {
        foreach (var (name, parsed, value) in alternates)
        {
            var key = new PriceKey(parsed.ServiceTier, parsed.Bucket!.Value);
            if (!tiers.TryGetValue(parsed.AbovePromptTokens, out var tier))
            {
                tier = [];
                tiers[parsed.AbovePromptTokens] = tier;
            }

            if (!tier.TryGetValue(key, out var existing))
            {
                tier[key] = value;
            }
            else if (existing != value)
            {
                _conflicts.Add(Note(model, name, LiteLlmKeyKind.TokenPrice,
                    $"value {value.ToString(CultureInfo.InvariantCulture)} differs from the main key's "
                    + $"{existing.ToString(CultureInfo.InvariantCulture)}; the main key is used"));
            }
        }
    }

    // LiteLLM's tiered_pricing lists price objects with a token "range" [start, end]; a tier applies
    // when the prompt is strictly greater than its start, as the _above_Nk_tokens keys do.
    private void ParseTieredPricing(
        string model,
        JsonElement value,
        SortedDictionary<long, Dictionary<PriceKey, decimal>> tiers,
        List<RejectedPrice> rejected)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            _unknownKeys.Add(Note(model, "tiered_pricing", LiteLlmKeyKind.Unknown, "not an array; ignored"));
            return;
        }

        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("range", out var range)
                || range.ValueKind != JsonValueKind.Array
                || range.GetArrayLength() == 0
                || range[0].ValueKind != JsonValueKind.Number
                || !range[0].TryGetDecimal(out var start)
                || start < 0
                || start > long.MaxValue)
            {
                _notTokenPriceKeys.Add(Note(model, "tiered_pricing", LiteLlmKeyKind.NotTokenPrice,
                    "tier without a token range; not used for tokens"));
                continue;
            }

            var alternates = new List<(string Key, LiteLlmPriceKey Parsed, decimal Value)>();
            foreach (var property in element.EnumerateObject().Where(p => p.Name != "range"))
            {
                ParsePriceKey(model, "tiered_pricing.", property.Name, property.Value, (long)start,
                    tiers, rejected, alternates);
            }

            AddAlternateSpellings(model, tiers, alternates);
        }
    }

    private decimal? ReadFee(string model, string name, JsonElement value)
    {
        if (!TryReadNumber(model, name, value, out var fee))
        {
            return null;
        }

        if (fee >= 0)
        {
            return fee;
        }

        if (_rejectImplausiblePrices)
        {
            _problems.Add(new InputProblem(_source, null, $"{model}.{name}", value.GetRawText(),
                $"model '{model}': {name} is negative; expected a number of 0 or more."));
        }
        else
        {
            _unknownKeys.Add(Note(model, name, LiteLlmKeyKind.Unknown,
                $"value {value.GetRawText()} is negative; ignored"));
        }

        return null;
    }

    // A price written as a string ("1e-06"), a list or an object is an error in a user's catalog
    // and a skipped key in the bundled one. JsonElement.TryGetDecimal throws for non-numbers, so
    // the kind is checked first.
    private bool TryReadNumber(string model, string key, JsonElement value, out decimal number)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number))
        {
            return true;
        }

        number = 0;
        var reason = value.ValueKind == JsonValueKind.Number
            ? "is out of range"
            : $"is a JSON {Describe(value.ValueKind)}";
        if (_rejectImplausiblePrices)
        {
            _problems.Add(new InputProblem(_source, null, $"{model}.{key}", Shorten(value),
                $"model '{model}': {key} {reason}; expected a number, such as 2.5e-06 without quotes."));
        }
        else
        {
            _unknownKeys.Add(Note(model, key, LiteLlmKeyKind.Unknown,
                $"value {Shorten(value)} {reason}, not a number; ignored"));
        }

        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => "number",
        _ => "null",
    };

    private static string Shorten(JsonElement value)
    {
        const int MaxLength = 60;
        var text = value.GetRawText();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "...";
    }

    private decimal? ReadMediumSearchFee(string model, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("search_context_size_medium", out var medium))
        {
            return ReadFee(model, name + ".search_context_size_medium", medium);
        }

        var message = "no search_context_size_medium value; ignored";
        _unknownKeys.Add(Note(model, name, LiteLlmKeyKind.Unknown, message));
        return null;
    }

    private static string? ReadString(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static CatalogKeyNote Note(string model, string key, LiteLlmKeyKind kind, string message) =>
        new(model, key, kind, message);
}
