using Tokencast.Core.Pricing;

namespace Tokencast.Core.Tests.Actuals;

internal static class ActualsTestData
{
    public static readonly DateOnly PriceDate = new(2026, 8, 18);

    // Prices of the log cases: input 5, cache write 6.25, cache read 0.50, output 25 per million.
    public static readonly PriceCatalog OpusCatalog = PriceCatalog.Empty().WithOverrides([
        PriceOverride.FromPerMillionTokens("claude-opus", null, new PerMillionTokenPrices
        {
            InputPerMillionTokens = 5m, CacheWrite5MinutesPerMillionTokens = 6.25m,
            CacheReadPerMillionTokens = 0.50m, OutputPerMillionTokens = 25m,
        }),
    ]);

    public static string PathOf(string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "Actuals", "Data", fileName);

    public static string AzurePath =>
        Path.Combine(AppContext.BaseDirectory, "Logs", "Data", "azure-conv-20.csv");
}
