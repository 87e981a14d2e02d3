using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Tokencast.Browser.Tests;

/// <summary>Drives the tracked-forecasts view against a host with a stored history and actuals.</summary>
public sealed class ForecastsPageTests(ForecastsPageHost host, ITestOutputHelper output)
    : IClassFixture<ForecastsPageHost>
{
    private static readonly string[] s_varianceColumns =
    [
        "forecastUsd", "actualUsd", "differenceUsd", "volumeUsd", "mixUsd", "tokensPerTaskUsd", "unitPriceUsd",
        "cacheHitRateUsd",
    ];

    [Fact]
    public async Task ForecastsView_TwoVersions_DrawsBandsActualsAndDiff()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/#key={PageHost.ViewerKey}");

        await page.Locator("#show-forecasts").ClickAsync();
        await Assertions.Expect(page.Locator("#view-forecasts")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#view-runs")).ToBeHiddenAsync();
        await page.Locator("#forecast-picker").SelectOptionAsync(ForecastsPageHost.ForecastName);

        var versions = page.Locator("#version-list li[data-version]");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#version-diff table tbody tr")).ToHaveCountAsync(1);

        var screenshot = Path.Combine(Artifacts.Folder(), "forecasts-view.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        Assert.Equal("2", await versions.Nth(0).GetAttributeAsync("data-version"));
        Assert.Equal("1", await versions.Nth(1).GetAttributeAsync("data-version"));
        Assert.Equal("true", await versions.Nth(0).GetAttributeAsync("aria-current"));
        var chart = page.Locator("#view-forecasts svg[data-branch]").First;
        Assert.Equal("baseline", await chart.GetAttributeAsync("data-branch"));
        Assert.NotEmpty(await chart.Locator("path.band-outer").GetAttributeAsync("d") ?? "");
        Assert.NotEmpty(await chart.Locator("path.p50-line").GetAttributeAsync("d") ?? "");
        // The usage log has calls in February and March 2026, both inside the forecast's January to March.
        Assert.Equal("2", await chart.GetAttributeAsync("data-actual-points"));
        Assert.Equal(2, await chart.Locator("circle.actual").CountAsync());
        await Assertions.Expect(page.Locator("#version-diff caption")).ToContainTextAsync("version 1 before");
    }

    [Fact]
    public async Task ForecastsView_FirstVersion_HasNothingToCompare()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/#key={PageHost.ViewerKey}");
        await page.Locator("#show-forecasts").ClickAsync();
        await page.Locator("#forecast-picker").SelectOptionAsync(ForecastsPageHost.ForecastName);

        await page.Locator("#version-list li[data-version='1'] button").ClickAsync();

        await Assertions.Expect(page.Locator("#version-list li[data-version='1']"))
            .ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(page.Locator("#version-diff")).ToContainTextAsync("no previous version");
        await Assertions.Expect(page.Locator("#version-title")).ToHaveTextAsync("small, version 1");
        await Assertions.Expect(page.Locator("#version-alerts")).ToContainTextAsync("No alerts");
        await Assertions.Expect(page.Locator("#version-review")).ToContainTextAsync("closed no period");
    }

    [Fact]
    public async Task ReviewView_SecondVersion_TotalRowMatchesApi()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/#key={PageHost.ViewerKey}");
        await page.Locator("#show-forecasts").ClickAsync();
        await page.Locator("#forecast-picker").SelectOptionAsync(ForecastsPageHost.ForecastName);

        var total = page.Locator("#version-review table.variance-table tfoot tr");
        await Assertions.Expect(total).ToBeVisibleAsync();
        var screenshot = Path.Combine(Artifacts.Folder(), "forecasts-review.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        var review = await ReadReviewAsync(2);
        var explanation = review.GetProperty("explanation");
        var expectedTotal = explanation.GetProperty("total");
        foreach (var column in s_varianceColumns)
        {
            var shownUsd = await total.Locator($"td[data-column={column}]").GetAttributeAsync("data-usd");
            Assert.Equal(expectedTotal.GetProperty(column).GetDouble(), double.Parse(shownUsd!, CultureInfo.InvariantCulture));
        }

        var features = await page.Locator("#version-review table.variance-table tbody tr").AllAsync();
        var weeks = review.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(explanation.GetProperty("features").EnumerateObject().Select(f => f.Name),
            await AttributesAsync(features, "data-feature"));
        Assert.Equal(weeks.Count, await page.Locator("#version-review table.weeks-table tbody tr").CountAsync());
        Assert.Equal(weeks.Count(w => w.GetProperty("status").GetString() != "in band"),
            await page.Locator("#version-review table.weeks-table tr.out-of-band").CountAsync());
        Assert.Equal(5, await page.Locator("#version-review .parts-chart rect[data-part]").CountAsync());
        Assert.Equal(review.GetProperty("alerts").GetArrayLength(), await page.Locator("#version-alerts li").CountAsync());
        Assert.Equal(0.9m, review.GetProperty("billedUsd").GetDecimal());
        Assert.Equal("0.9", await page.Locator("#version-review .cost-note").GetAttributeAsync("data-billed-usd"));
        Assert.Contains("billed $0.9:", await page.Locator("#version-review .cost-note").TextContentAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ReadReviewAsync(int number)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PageHost.ViewerKey);
        return await client.GetFromJsonAsync<JsonElement>(
            $"/api/forecasts/{ForecastsPageHost.ForecastName}/versions/{number}/review");
    }

    private static async Task<string[]> AttributesAsync(IReadOnlyList<ILocator> elements, string name)
    {
        var values = new List<string>();
        foreach (var element in elements)
        {
            values.Add(await element.GetAttributeAsync(name) ?? "");
        }

        return [.. values];
    }
}
