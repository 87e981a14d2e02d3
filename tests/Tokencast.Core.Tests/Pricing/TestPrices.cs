using Tokencast.Core.Pricing;

namespace Tokencast.Core.Tests.Pricing;

/// <summary>Builds model prices for tests from USD-per-million-token values.</summary>
internal static class TestPrices
{
    public static readonly DateOnly Day = new(2026, 8, 18);

    public static ModelPrices Model(PerMillionTokenPrices prices, string name = "test-model") =>
        PriceCatalog.Empty()
            .WithOverrides([PriceOverride.FromPerMillionTokens(name, null, prices)])
            .Resolve(name, Day);

    public static PriceCatalog CatalogFromJson(string json, bool rejectImplausiblePrices = true)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return PriceCatalog.Load(stream, "test.json", rejectImplausiblePrices);
    }
}
