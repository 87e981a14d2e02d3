using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Tokencast.Browser.Tests;

/// <summary>Drives the web page in Chromium against a real host with its embedded silo.</summary>
public sealed class PageTests(PageHost host, ITestOutputHelper output) : IClassFixture<PageHost>
{
    // The host refreshes partial bands after every block, and 8,000 trials in blocks of 64 take a second or
    // more, so the page draws bands of part of the trials before the end.
    private const int Trials = 8000;

    // The slack covers a busy machine.
    private const float RunTimeoutMilliseconds = 180_000;

    // Records every trial count the charts are drawn with, in order, from before the run starts.
    private const string RecordRedraws = """
        () => {
          window.drawnTrials = [];
          new MutationObserver(changes => {
            for (const change of changes) {
              if (change.type === 'attributes' && change.target.dataset.branch === 'baseline') {
                window.drawnTrials.push(Number(change.target.dataset.trials));
              }
            }
          }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-trials'] });
        }
        """;

    // The features of examples/assistant-platform.yaml, which the host bundles as "assistant-platform".
    private static readonly string[] s_exampleFeatures =
        ["code-agent", "code-completion", "long-context-chat", "support-chat"];

    // A valid scenario but for the model name on line 6, which no catalog entry has.
    private const string UnknownModelScenario = """
        name: small
        start_month: 2027-01
        horizon_months: 2
        features:
          - id: chat
            model: gpt-4o-mimi
            input_tokens: 400
            output_tokens: 200
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
        """;

    [Fact]
    public async Task Page_BundledExample_DrawsBandsAndCostPerTask()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/#key={PageHost.PlannerKey}");
        await OpenStartPanelAsync(page);

        await page.Locator("input[name=trials]").FillAsync(Trials.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("input[name=blockSize]").FillAsync("64");
        await page.EvaluateAsync(RecordRedraws);
        await page.Locator("#start-example").ClickAsync();

        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('svg[data-branch]')].some(s => Number(s.dataset.trials) > 0)",
            null,
            new PageWaitForFunctionOptions { Timeout = RunTimeoutMilliseconds });
        await Assertions.Expect(page.Locator("#run-state"))
            .ToHaveTextAsync("completed", new() { Timeout = RunTimeoutMilliseconds });
        await Assertions.Expect(page.Locator("#cost-table tbody tr")).ToHaveCountAsync(s_exampleFeatures.Length);

        var screenshot = Path.Combine(Artifacts.Folder(), "run-completed.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");

        var charts = await page.Locator("svg[data-branch]").AllAsync();
        Assert.Equal(["baseline", "growth", "stretch"], await AttributesAsync(charts, "data-branch"));
        Assert.All(await AttributesAsync(charts, "data-trials"), trials => Assert.Equal("8000", trials));
        var drawn = await page.EvaluateAsync<int[]>("() => window.drawnTrials");
        output.WriteLine($"trial counts drawn: {string.Join(", ", drawn)}");
        Assert.Contains(drawn, trials => trials is > 0 and < Trials);
        Assert.Equal(drawn.Order(), drawn);
        foreach (var chart in charts)
        {
            Assert.NotEmpty(await chart.Locator("path.band-outer").GetAttributeAsync("d") ?? "");
            Assert.NotEmpty(await chart.Locator("path.band-inner").GetAttributeAsync("d") ?? "");
            Assert.NotEmpty(await chart.Locator("path.p50-line").GetAttributeAsync("d") ?? "");
        }

        var rows = await page.Locator("#cost-table tbody tr").AllAsync();
        var features = await AttributesAsync(rows, "data-feature");
        Assert.Equal(s_exampleFeatures, features.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Page_NoKeyThenWrongKey_AsksForKeyAgain()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/");

        await Assertions.Expect(page.Locator("#key-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#key-message")).ToBeEmptyAsync();

        await page.Locator("#key-input").FillAsync("not-a-key");
        await page.Locator("#key-form button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#key-message")).ToContainTextAsync("rejected the key");
        await Assertions.Expect(page.Locator("#key-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('tokencast.key')"));
    }

    [Fact]
    public async Task Page_ViewerKey_OffersNoStartOrCancel()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/#key={PageHost.ViewerKey}");

        await Assertions.Expect(page.Locator("#viewer-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#start-panel")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#cancel-run")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#picker")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Page_NoKey_HidesTheRunPicker()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/");

        await Assertions.Expect(page.Locator("#key-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#picker")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Page_InvalidScenario_ListsProblemsWithLines()
    {
        var page = await host.OpenPageAsync();
        await page.GotoAsync($"{host.Address}/#key={PageHost.PlannerKey}");
        await OpenStartPanelAsync(page);

        await page.Locator("#scenario-text").FillAsync(UnknownModelScenario);
        await page.Locator("#scenario-name").FillAsync("small.yaml");
        await page.Locator("#start-scenario").ClickAsync();

        var row = page.Locator("#start-result table.problems tbody tr").First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("td").Nth(0)).ToContainTextAsync("small.yaml");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("6");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("gpt-4o-mimi");
        await Assertions.Expect(page.Locator("#start-result .problem-title")).ToContainTextAsync("HTTP 400");
    }

    // The start form sits in a disclosure that the page opens only while the host has no runs.
    private static async Task OpenStartPanelAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#app")).ToBeVisibleAsync();
        if (!await page.Locator("#start-panel").EvaluateAsync<bool>("panel => panel.open"))
        {
            await page.Locator("#start-panel > summary").ClickAsync();
        }
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
