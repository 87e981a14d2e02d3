using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Tokencast.Browser.Tests;

/// <summary>Drives the tracked-forecasts view against a host with a stored history and actuals.</summary>
public sealed class ForecastsPageTests(ForecastsPageHost host, ITestOutputHelper output)
    : IClassFixture<ForecastsPageHost>
{
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
        await Assertions.Expect(page.Locator("#version-alerts")).ToContainTextAsync("No alerts");
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
    }
}
