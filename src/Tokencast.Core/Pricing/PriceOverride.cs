using System.Globalization;

namespace Tokencast.Core.Pricing;

/// <summary>
/// Local prices for a model from an effective date on: a change to a catalog model or a custom
/// model. Each price given replaces the catalog's price of the same tier, service tier and bucket;
/// prices not given stay as they were.
/// </summary>
public sealed record PriceOverride
{
    /// <summary>
    /// Largest plausible price per token in USD. Above it a price is almost surely entered in the
    /// wrong unit, such as 3.00 per million tokens written as 0.003 per token ($3,000 per million).
    /// </summary>
    public const decimal MaxPlausiblePricePerToken = 0.001m;

    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>Catalog key or custom name of the model.</summary>
    public required string Model { get; init; }

    /// <summary>First date the prices apply; null for always.</summary>
    public DateOnly? Effective { get; init; }

    /// <summary>Prices by long-context tier; a tier here merges into the tier of the same threshold.</summary>
    public IReadOnlyList<PriceTier> Tiers { get; init; } = [];

    /// <summary>Fee in USD per call, or null to keep the catalog's fee.</summary>
    public decimal? PerRequestUsd { get; init; }

    /// <summary>
    /// Builds an override from prices in USD per million tokens. Each price is divided by 1,000,000
    /// exactly in decimal.
    /// </summary>
    /// <param name="model">Catalog key or custom name of the model.</param>
    /// <param name="effective">First date the prices apply; null for always.</param>
    /// <param name="prices">The prices as the scenario gives them.</param>
    /// <param name="file">Input file for error messages, or null.</param>
    /// <param name="path">Path of the prices in the input, such as <c>prices[0]</c>, for error messages.</param>
    /// <exception cref="InvalidInputException">A price is negative or implausibly large.</exception>
    public static PriceOverride FromPerMillionTokens(
        string model, DateOnly? effective, PerMillionTokenPrices prices, string? file = null, string? path = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(prices);
        var problems = new List<InputProblem>();
        var prefix = string.IsNullOrEmpty(path) ? "" : path + ".";

        var baseTier = new Dictionary<PriceKey, decimal>();
        AddPrices(baseTier, ServiceTier.Standard, prices, file, prefix, problems);
        if (prices.Batch is not null)
        {
            AddPrices(baseTier, ServiceTier.Batch, prices.Batch, file, prefix + "batch.", problems);
        }

        var tiers = new List<PriceTier> { new(0, baseTier) };
        if (prices.LongContext is { } longContext)
        {
            if (longContext.AboveTokens <= 0)
            {
                problems.Add(new InputProblem(file, null, prefix + "long_context.above_tokens",
                    longContext.AboveTokens.ToString(CultureInfo.InvariantCulture),
                    "long-context threshold must be a positive number of tokens"));
            }

            var longTier = new Dictionary<PriceKey, decimal>();
            var longPrefix = prefix + "long_context.";
            AddPrices(longTier, ServiceTier.Standard, longContext.Prices, file, longPrefix, problems);
            tiers.Add(new PriceTier(longContext.AboveTokens, longTier));
        }

        if (prices.PerRequestUsd is < 0)
        {
            problems.Add(new InputProblem(file, null, prefix + "per_request_usd",
                prices.PerRequestUsd.Value.ToString(CultureInfo.InvariantCulture),
                "per-request fee must be 0 or more USD"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return new PriceOverride
        {
            Model = model,
            Effective = effective,
            Tiers = tiers,
            PerRequestUsd = prices.PerRequestUsd,
        };
    }

    /// <summary>
    /// Checks one price per token: it must not be negative and must not exceed
    /// <see cref="MaxPlausiblePricePerToken"/>. Returns null when the price is valid.
    /// </summary>
    public static string? CheckPricePerToken(decimal pricePerToken)
    {
        if (pricePerToken < 0)
        {
            return "price must be 0 or more USD";
        }

        if (pricePerToken > MaxPlausiblePricePerToken)
        {
            var perMillion = pricePerToken * TokensPerMillion;
            return $"price of {pricePerToken.ToString(CultureInfo.InvariantCulture)} USD per token "
                + $"({perMillion.ToString(CultureInfo.InvariantCulture)} USD per million tokens) is above "
                + $"{MaxPlausiblePricePerToken.ToString(CultureInfo.InvariantCulture)} USD per token, which "
                + "is almost surely a unit error; the expected unit is USD per single token "
                + "(3.00 USD per million tokens is 0.000003)";
        }

        return null;
    }

    private static void AddPrices(
        Dictionary<PriceKey, decimal> target,
        ServiceTier serviceTier,
        PerMillionTokenPrices prices,
        string? file,
        string prefix,
        List<InputProblem> problems)
    {
        (string Key, TokenBucket Bucket, decimal? PerMillion)[] entries =
        [
            ("input_per_mtok", TokenBucket.UncachedInput, prices.InputPerMillionTokens),
            ("output_per_mtok", TokenBucket.Output, prices.OutputPerMillionTokens),
            ("cache_read_per_mtok", TokenBucket.CacheRead, prices.CacheReadPerMillionTokens),
            ("cache_write_5m_per_mtok", TokenBucket.CacheWrite5Minutes,
                prices.CacheWrite5MinutesPerMillionTokens),
            ("cache_write_1h_per_mtok", TokenBucket.CacheWrite1Hour, prices.CacheWrite1HourPerMillionTokens),
            ("reasoning_per_mtok", TokenBucket.ReasoningOutput, prices.ReasoningPerMillionTokens),
        ];
        foreach (var (key, bucket, perMillion) in entries)
        {
            if (perMillion is not { } value)
            {
                continue;
            }

            var perToken = value / TokensPerMillion;
            var problem = perToken > MaxPlausiblePricePerToken
                ? $"{key} of {value.ToString(CultureInfo.InvariantCulture)} USD per million tokens is above "
                  + $"{MaxPlausiblePricePerToken * TokensPerMillion:0} USD per million tokens, which is almost "
                  + "surely a unit error; scenario prices are USD per million tokens (3.00 means $3 per MTok)"
                : CheckPricePerToken(perToken);
            if (problem is not null)
            {
                problems.Add(new InputProblem(file, null, prefix + key,
                    value.ToString(CultureInfo.InvariantCulture), problem));
                continue;
            }

            target[new PriceKey(serviceTier, bucket)] = perToken;
        }
    }
}
