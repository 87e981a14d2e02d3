using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads <c>prices</c> and the price keys that <c>price_change</c> events share with it. Prices are USD per
/// million tokens.
/// </summary>
internal static class PriceReader
{
    public static readonly string[] PriceKeys =
    [
        "input_per_mtok", "output_per_mtok", "cache_read_per_mtok", "cache_write_5m_per_mtok",
        "cache_write_1h_per_mtok", "reasoning_per_mtok", "per_request_usd", "long_context", "batch",
    ];

    private static readonly string[] TokenPriceKeys = PriceKeys[..6];

    // A price per million tokens this small is almost surely a price per token entered in the wrong unit.
    private const decimal SmallestPlausiblePerMtok = 0.001m;

    public static List<PriceSpec> Read(YamlNode? node, string path, ParseContext context)
    {
        var prices = new List<PriceSpec>();
        var seen = new IdRegistry(context, "price entry for this model and date");
        foreach (var (item, itemPath, _) in SequenceItems.Read(node, path, context, "price entries"))
        {
            if (MappingReader.Open(item, itemPath, context, "a price entry", [.. PriceKeys, "model", "effective"])
                is not { } entry)
            {
                continue;
            }

            var model = entry.Text("model", required: true);
            var effective = entry.Date("effective");
            if (model is null || (entry.Has("effective") && effective is null))
            {
                continue;
            }

            var price = ReadPrice(entry, model, effective, isPriceEntry: true);
            var key = $"{model} from {effective?.ToString("yyyy-MM-dd") ?? "the start"}";
            if (price is not null && seen.Add(key, entry.Find("model")!, entry.ChildPath("model")))
            {
                prices.Add(price);
            }
        }

        return prices;
    }

    /// <summary>
    /// Reads the price keys of <paramref name="entry"/>. With <paramref name="isPriceEntry"/>, an entry that lacks
    /// the input or output price must override a catalog model, so it is recorded as a catalog reference;
    /// otherwise the model is recorded as a reference to a tier, alias, custom or catalog model.
    /// </summary>
    public static PriceSpec? ReadPrice(MappingReader entry, string model, DateOnly? effective, bool isPriceEntry)
    {
        var context = entry.Context;
        if (!PriceKeys.Any(entry.Has))
        {
            context.Report(entry.Node, entry.Path, NodeText.RenderForMessage(entry.Node),
                $"missing prices; expected at least one of {string.Join(", ", PriceKeys)}");
            return null;
        }

        var problemsBefore = context.Problems.Count;
        var prices = ReadTokenPrices(entry);
        var perRequest = entry.Money("per_request_usd");
        var longContext = ReadLongContext(entry);
        TokenPriceSet? batch = null;
        if (entry.Find("batch") is { } batchNode
            && MappingReader.Open(batchNode, entry.ChildPath("batch"), context, "batch prices", TokenPriceKeys)
                is { } batchEntry)
        {
            batch = ReadTokenPrices(batchEntry);
        }

        if (context.Problems.Count > problemsBefore)
        {
            return null;
        }

        var modelNode = entry.Find("model") ?? entry.Node;
        if (!isPriceEntry)
        {
            context.Refer(ReferenceKind.Model, model, modelNode, entry.ChildPath("model"));
        }
        else if (prices.InputPerMtok is null || prices.OutputPerMtok is null)
        {
            context.Refer(ReferenceKind.CatalogOverride, model, modelNode, entry.ChildPath("model"));
        }

        return new PriceSpec(model, effective, prices, perRequest, longContext, batch, entry.Location);
    }

    private static LongContextPriceSpec? ReadLongContext(MappingReader entry)
    {
        if (entry.Find("long_context") is not { } node
            || MappingReader.Open(node, entry.ChildPath("long_context"), entry.Context, "long-context prices",
                [.. TokenPriceKeys, "above_tokens"]) is not { } longContext)
        {
            return null;
        }

        var above = longContext.Integer("above_tokens", ValueRange.PositiveInteger, required: true);
        var prices = ReadTokenPrices(longContext);
        return above is { } threshold ? new LongContextPriceSpec(threshold, prices) : null;
    }

    private static TokenPriceSet ReadTokenPrices(MappingReader entry) =>
        new(
            ReadPerMtok(entry, "input_per_mtok"),
            ReadPerMtok(entry, "output_per_mtok"),
            ReadPerMtok(entry, "cache_read_per_mtok"),
            ReadPerMtok(entry, "cache_write_5m_per_mtok"),
            ReadPerMtok(entry, "cache_write_1h_per_mtok"),
            ReadPerMtok(entry, "reasoning_per_mtok"));

    private static decimal? ReadPerMtok(MappingReader entry, string key)
    {
        var price = entry.Money(key);
        if (price is > 0 and < SmallestPlausiblePerMtok)
        {
            entry.Context.Warn(entry.Find(key)!, entry.ChildPath(key), ScalarReader.ValueOf(entry.Find(key)!),
                "looks like a price per token; prices here are USD per million tokens");
        }

        return price;
    }
}
