using System.Collections.Immutable;
using System.Globalization;
using Tokencast.Core.Actuals;
using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;
using Tokencast.Core.Recalibration;
using Tokencast.Core.Tests.Calibration;

namespace Tokencast.Core.Tests.Recalibration;

public class RecalibratorTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "tokencast-recalibration");
    private static readonly string MainFile = Path.Combine(Folder, "scenario.yaml");

    // 1,000 users x 0.5 adoption x 20 tasks per active user = 10,000 tasks per month, no growth.
    private static string ScenarioText(string startMonth = "2027-01") => $"""
        name: recalibration
        start_month: {startMonth}
        horizon_months: 12
        features:
          - id: chat
            model: claude-haiku-4-5
            input_tokens: {"{"}lognormal: {"{"}median: 400, p95: 3000{"}}"}
            output_tokens: 250
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {"{"}adoption: 0.5, tasks_per_active_user: 20{"}"}

        """;

    [Fact]
    public void Recalibrate_RunRate_ScalesTasksPerActiveUser()
    {
        // 2,500 tasks in the 7 days 2027-01-01 to 2027-01-07 run at 2,500 / 7 x 30.436875 (365.2425 / 12)
        // = 10,870.3125 tasks per month, x1.08703125 against 10,000, so 20 becomes 21.740625.
        var actuals = Calls("chat", new DateOnly(2027, 1, 1), days: 7, callsPerDay: 2500 / 7 + 1).Take(2500).ToList();

        var result = Recalibrate(ScenarioText(), actuals, new DateOnly(2027, 1, 8));

        var tasks = Assert.Single(result.Overrides,
            o => o.Path == "cohorts.smb.features.chat.tasks_per_active_user");
        Assert.Equal("20", tasks.OldValue);
        Assert.Equal("21.7406", tasks.NewValue);
        Assert.Contains("2,500 tasks for all cohorts in 7 days", tasks.Reason, StringComparison.Ordinal);
        Assert.Equal(2500, result.CallsUsed);
    }

    [Fact]
    public void Recalibrate_CallOnCutOffDay_Excluded()
    {
        var before = Calls("chat", new DateOnly(2027, 1, 1), days: 7, callsPerDay: 100).ToList();
        var onCutOff = Calls("chat", new DateOnly(2027, 1, 8), days: 1, callsPerDay: 40, firstTask: 10_000);
        var beforeWindow = Calls("chat", new DateOnly(2026, 12, 3), days: 1, callsPerDay: 40, firstTask: 20_000);

        var result = Recalibrate(ScenarioText(), [.. before, .. onCutOff, .. beforeWindow], new DateOnly(2027, 1, 8));

        Assert.Equal(700, result.CallsUsed);
        var tasks = Assert.Single(result.Overrides,
            o => o.Path == "cohorts.smb.features.chat.tasks_per_active_user");
        Assert.Contains("700 tasks for all cohorts in 7 days (2027-01-01 to 2027-01-07)", tasks.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Recalibrate_UnknownFeature_CountedNotUsed()
    {
        var chat = Calls("chat", new DateOnly(2027, 1, 1), days: 7, callsPerDay: 100);
        var search = Calls("search", new DateOnly(2027, 1, 2), days: 1, callsPerDay: 5, firstTask: 9_000);

        var result = Recalibrate(ScenarioText(), [.. chat, .. search], new DateOnly(2027, 1, 8));

        Assert.Equal(5, result.UnknownFeatureCalls["search"]);
        Assert.Equal(700, result.CallsUsed);
        Assert.DoesNotContain(result.Overrides, o => o.Path.Contains("search", StringComparison.Ordinal));
    }

    [Fact]
    public void Recalibrate_SmallSample_LeftAlone()
    {
        var actuals = Calls("chat", new DateOnly(2027, 1, 5), days: 1, callsPerDay: 10);

        var result = Recalibrate(ScenarioText(), actuals, new DateOnly(2027, 1, 8));

        Assert.Empty(result.Overrides);
        Assert.Contains(result.Unchanged, u => u.Path == "features.chat.input_tokens"
            && u.Reason.StartsWith("10 calls", StringComparison.Ordinal));
        Assert.Contains(result.Unchanged, u => u.Path == "cohorts.smb.features.chat.tasks_per_active_user"
            && u.Reason.StartsWith("10 tasks", StringComparison.Ordinal));
        Assert.Equal(ScenarioText(), result.Bundle.Files[MainFile]);
    }

    [Fact]
    public void Recalibrate_EarlierStart_MovesStartKeepsEndMonth()
    {
        var actuals = Calls("chat", new DateOnly(2027, 3, 1), days: 7, callsPerDay: 100);

        var result = Recalibrate(ScenarioText(startMonth: "2027-01"), actuals, new DateOnly(2027, 3, 8));

        var start = Assert.Single(result.Overrides, o => o.Path == "start_month");
        Assert.Equal("2027-03", start.NewValue);
        var horizon = Assert.Single(result.Overrides, o => o.Path == "horizon_months");
        Assert.Equal("10", horizon.NewValue);
        var document = result.Bundle.Read();
        Assert.Equal(new DateOnly(2027, 3, 1), document.Base.StartMonth);
        Assert.Equal(new DateOnly(2027, 12, 1), document.Base.EndMonth);
    }

    [Fact]
    public void Recalibrate_ExistingSet_KeptAndMerged()
    {
        var text = ScenarioText() + "set:\n  features.chat.output_tokens: 600\n  cohorts.smb.users: 1200\n";
        var actuals = Calls("chat", new DateOnly(2027, 1, 1), days: 7, callsPerDay: 100);

        var result = Recalibrate(text, actuals, new DateOnly(2027, 1, 8));

        var main = result.Bundle.Files[MainFile];
        Assert.Contains("  cohorts.smb.users: 1200\n", main, StringComparison.Ordinal);
        Assert.DoesNotContain("output_tokens: 600", main, StringComparison.Ordinal);
        var output = Assert.Single(result.Overrides, o => o.Path == "features.chat.output_tokens");
        Assert.Equal("600", output.OldValue);
        Assert.Single(main.Split('\n'), l => l == "set:");
    }

    [Fact]
    public void Recalibrate_SameInputs_ByteIdenticalOutput()
    {
        var actuals = Calls("chat", new DateOnly(2027, 1, 1), days: 7, callsPerDay: 100);

        var first = Recalibrate(ScenarioText(), actuals, new DateOnly(2027, 1, 8));
        var second = Recalibrate(ScenarioText(), [.. Enumerable.Reverse(actuals)], new DateOnly(2027, 1, 8));

        Assert.Equal(first.Bundle.ComputeContentHash(), second.Bundle.ComputeContentHash());
        Assert.Equal(first.Overrides, second.Overrides);
    }

    [Fact]
    public void Recalibrate_AzureConversationSlice_CompilesWithFeatureOverrides()
    {
        // The Azure slice (examples/data, see its SOURCE.md) has 9,754 calls on 2023-11-16; each call is
        // its own task because the trace has no task id.
        var text = ScenarioText(startMonth: "2023-09").Replace("chat", "conv", StringComparison.Ordinal);
        var actuals = TraceFiles.ReadAzureCsv(TraceFiles.AzureConversation, "conv")
            .Select(o => new UsageActual
            {
                SourceFile = TraceFiles.AzureConversation,
                Line = o.SourceLine,
                Timestamp = o.Timestamp,
                Feature = "conv",
                TaskId = "call:" + o.SourceLine.ToString(CultureInfo.InvariantCulture),
                Buckets = new UsageBuckets { UncachedInput = o.InputTokens, Output = o.OutputTokens },
            })
            .ToList();

        var result = Recalibrate(text, actuals, new DateOnly(2023, 11, 17));

        Assert.Equal(9754, result.CallsUsed);
        Assert.Contains(result.Overrides, o => o.Path == "features.conv.input_tokens"
            && o.Reason.StartsWith("fitted from 9,754 calls, 2023-11-16 to 2023-11-16", StringComparison.Ordinal));
        Assert.Contains(result.Overrides, o => o.Path == "features.conv.output_tokens");
        Assert.Contains(result.Overrides, o => o.Path == "cohorts.smb.features.conv.tasks_per_active_user");
        Assert.Contains(result.Overrides, o => o.Path == "start_month" && o.NewValue == "2023-11");
        var plan = result.Bundle.Compile();
        Assert.NotNull(plan);
    }

    private static RecalibrationResult Recalibrate(string text, IReadOnlyList<UsageActual> actuals, DateOnly cutOff)
    {
        var bundle = new ScenarioBundle(MainFile,
            ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add(MainFile, text), null);
        return Recalibrator.Recalibrate(bundle, actuals, cutOff, new RecalibrationOptions());
    }

    // One call per task, spread over the hours of each day, with input tokens that vary so a fit exists.
    private static List<UsageActual> Calls(string feature, DateOnly firstDay, int days, int callsPerDay,
        int firstTask = 0)
    {
        var calls = new List<UsageActual>();
        for (var day = 0; day < days; day++)
        {
            for (var i = 0; i < callsPerDay; i++)
            {
                var n = firstTask + day * callsPerDay + i;
                var time = new DateTimeOffset(firstDay.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    .AddSeconds(i * 86_399.0 / callsPerDay);
                calls.Add(new UsageActual
                {
                    SourceFile = "log.csv",
                    Line = n + 2,
                    Timestamp = time,
                    Feature = feature,
                    TaskId = "task-" + n.ToString(CultureInfo.InvariantCulture),
                    Buckets = new UsageBuckets { UncachedInput = 200 + (n * 37 % 900), Output = 100 + (n * 13 % 300) },
                });
            }
        }

        return calls;
    }
}
