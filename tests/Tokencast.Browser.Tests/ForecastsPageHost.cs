using System.Collections.Immutable;
using Tokencast.Core.Actuals;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Simulation;
using Tokencast.Core.Variance;

namespace Tokencast.Browser.Tests;

/// <summary>
/// The page host with a forecast history of two versions of <c>small</c> and an actuals store with calls in
/// February and March 2026, two of the forecast's three months. At gpt-4o-mini's $0.15 and $0.60 per
/// million tokens, February and March cost $0.84 each, below the forecast's $1.45 a month. The store also has
/// a FOCUS bill of $0.50 + $0.40 = $0.90 for February. Version 2 has the review of February 2 to March 1
/// against version 1, made by <see cref="PeriodReviewer"/> as a reforecast makes it.
/// </summary>
public sealed class ForecastsPageHost : PageHost
{
    /// <summary>Name of the tracked forecast in the history.</summary>
    public const string ForecastName = "small";

    private const string Scenario = """
        name: small
        start_month: 2026-01
        horizon_months: 3
        features:
          - id: chat
            model: gpt-4o-mini
            input_tokens: 400
            output_tokens: 200
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
        """;

    private const string UsageLog = """
        timestamp,feature,model,task_id,input_tokens,output_tokens
        2026-02-02T09:00:00Z,chat,gpt-4o-mini,a,1000000,100000
        2026-02-03T09:00:00Z,chat,gpt-4o-mini,b,3000000,300000
        2026-03-02T09:00:00Z,chat,gpt-4o-mini,c,4000000,400000

        """;

    private const string FocusBill = """
        ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost,ServiceProviderName,Tags
        2026-02-02T00:00:00Z,2026-02-03T00:00:00Z,USD,0.5,0.5,OpenAI,
        2026-02-03T00:00:00Z,2026-02-04T00:00:00Z,USD,0.4,0.4,OpenAI,

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-forecasts-page-").FullName;

    /// <inheritdoc />
    protected override string HistoryFolder => Path.Combine(_folder, "history");

    /// <inheritdoc />
    protected override string ActualsFolder => Path.Combine(_folder, "actuals");

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        var history = new FolderForecastHistory(HistoryFolder);
        var first = history.Add(Draft(seed: 1, new DateOnly(2026, 2, 2), "first forecast")).Version;
        var second = history.Add(Draft(seed: 2, new DateOnly(2026, 3, 2), "February actuals added")).Version;

        var log = Path.Combine(_folder, "usage.csv");
        await File.WriteAllTextAsync(log, UsageLog);
        var store = new ActualsStore(ActualsFolder);
        var catalog = PriceCatalog.LoadBundled();
        store.ImportUsage(log, new UsageImportOptions(), catalog);
        var bill = Path.Combine(_folder, "bill.csv");
        await File.WriteAllTextAsync(bill, FocusBill);
        store.ImportBilled(bill, new FocusImportOptions());

        var review = PeriodReviewer.Review(first, store, catalog, second.CutOff!.Value, new ReviewSettings());
        ReviewFile.Write(ReviewFile.PathOf(HistoryFolder, ForecastName, second.Number), second.Number, review);

        await base.InitializeAsync();
    }

    /// <summary>Adds the next version of the forecast to the history, as a reforecast would, and returns it.</summary>
    public ForecastVersion AddVersion(ulong seed, DateOnly cutOff, string note) =>
        new FolderForecastHistory(HistoryFolder).Add(Draft(seed, cutOff, note)).Version;

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static ForecastVersionDraft Draft(ulong seed, DateOnly cutOff, string note)
    {
        const string path = "/submitted/small.yaml";
        var files = ImmutableSortedDictionary<string, string>.Empty.Add(path, Scenario);
        var bundle = new ScenarioBundle(path, files, null);
        var result = new ForecastEngine(bundle.Compile(), new EngineOptions(200, seed)).Run();
        return ForecastVersionDraft.Create(ForecastName, cutOff, new VersionInputs(bundle, [], 200, seed), [], note, result);
    }
}
