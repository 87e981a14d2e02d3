using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tokencast.Grains;
using Tokencast.Host.Feed;
using Xunit.Abstractions;

namespace Tokencast.Browser.Tests;

/// <summary>
/// A version published through the events grain while the page is open: the banner lists its alerts and the
/// open forecast's version list gains it. The class has its own host, because the test adds a version.
/// </summary>
public sealed class LiveAlertsPageTests(ForecastsPageHost host, ITestOutputHelper output)
    : IClassFixture<ForecastsPageHost>
{
    [Fact]
    public async Task AlertBanner_VersionPublished_ListsAlertsAndVersion()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/#key={PageHost.ViewerKey}");
        await page.Locator("#show-forecasts").ClickAsync();
        await page.Locator("#forecast-picker").SelectOptionAsync(ForecastsPageHost.ForecastName);
        await Assertions.Expect(page.Locator("#version-list li[data-version]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-forecast-events", "watching");
        await host.Services.GetRequiredService<ForecastEventRelay>().Subscribed.WaitAsync(TimeSpan.FromSeconds(30));

        var cutOff = new DateOnly(2026, 3, 9);
        var version = host.AddVersion(3, cutOff, "March actuals added");
        var alert = new AlertNotice(new DateOnly(2026, 3, 2), cutOff, "baseline", 0.84m, 0.05, 0.6, "above",
            "week 2026-W10 spent $0.84, above the P90 of $0.60; chat moved most");
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IForecastEventsGrain>(0)
            .Publish(new VersionAdded(ForecastsPageHost.ForecastName, version.Number, cutOff, version.Note, [alert]));

        var entry = page.Locator("#alert-banner .alert-entry");
        await Assertions.Expect(page.Locator("#alert-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#version-list li[data-version]")).ToHaveCountAsync(3);
        var screenshot = Path.Combine(Artifacts.Folder(), "alert-banner.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        Assert.Equal("3", await entry.GetAttributeAsync("data-version"));
        Assert.Equal(alert.Message, await entry.Locator("li").TextContentAsync());
        Assert.Equal("above", await entry.Locator("li").GetAttributeAsync("data-direction"));
        Assert.Equal("true", await page.Locator("#version-list li[data-version='2']").GetAttributeAsync("aria-current"));

        await page.Locator("#dismiss-alerts").ClickAsync();
        await Assertions.Expect(page.Locator("#alert-banner")).ToBeHiddenAsync();
    }
}
