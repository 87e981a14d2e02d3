using System.Globalization;
using System.Text;
using Tokencast.Core.Actuals;
using Tokencast.Core.Pricing;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Tests.Reforecasting;

/// <summary>A temporary folder with a small scenario, an actuals store and a history folder for reforecasts.</summary>
public sealed class ReforecastFolder : IDisposable
{
    public ReforecastFolder(DateOnly startMonth)
    {
        // Expects 1,000 users x 0.4 adoption x 20 tasks = 8,000 tasks a month.
        File.WriteAllText(ScenarioPath, $$"""
            name: small
            start_month: {{startMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture)}}
            horizon_months: 6
            trials: 100
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
            """);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("tokencast-schedule-").FullName;

    public string ScenarioPath => Path.Combine(Root, "small.yaml");

    public string StorePath => Path.Combine(Root, "store");

    public string HistoryPath => Path.Combine(Root, "history");

    /// <summary>Returns a schedule of the scenario with the given cron expression and defaults otherwise.</summary>
    public ScheduleDefinition Definition(string cron = ScheduleDefinition.Weekly) =>
        new(ScenarioInputs.Capture(ScenarioPath).Input, cron);

    /// <summary>
    /// Imports nine one-call tasks a day for <paramref name="days"/> days from <paramref name="first"/>, with
    /// token counts that vary by a fixed pattern.
    /// </summary>
    public void Ingest(int days, DateOnly first, string prefix)
    {
        var text = new StringBuilder("timestamp,feature,model,task_id,input_tokens,output_tokens\n");
        var start = first.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        for (var day = 0; day < days; day++)
        {
            for (var task = 0; task < 9; task++)
            {
                var time = start.AddDays(day).AddMinutes(7 * task);
                var input = 300 + (((day * 13) + (task * 29)) % 17 * 25);
                var output = 120 + (((day * 7) + (task * 11)) % 13 * 15);
                text.Append(CultureInfo.InvariantCulture,
                    $"{time:yyyy-MM-ddTHH:mm:ssZ},chat,gpt-4o-mini,{prefix}{day}t{task},{input},{output}\n");
            }
        }

        var path = Path.Combine(Root, prefix + ".csv");
        File.WriteAllText(path, text.ToString());
        new ActualsStore(StorePath).ImportUsage(path, new UsageImportOptions(), PriceCatalog.LoadBundled());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
