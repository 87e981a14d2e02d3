using Tokencast.Core.Actuals;
using Tokencast.Core.Calibration;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Recalibration;

/// <summary>State of one recalibration: the overrides and new files found so far.</summary>
internal sealed class RecalibrationRun(
    Scenario scenario, ActualsWindow window, DateOnly cutOff, RecalibrationOptions options, string scenarioFolder)
{
    private readonly DateOnly _cutOffMonth = new(cutOff.Year, cutOff.Month, 1);

    public List<RecalibrationOverride> Overrides { get; } = [];

    public List<UnchangedValue> Unchanged { get; } = [];

    /// <summary>Empirical values files to add to the bundle, by full path.</summary>
    public SortedDictionary<string, string> NewFiles { get; } = new(StringComparer.Ordinal);

    public void RecalibrateFeature(FeatureSpec feature)
    {
        var prefix = $"features.{feature.Id}";
        var calls = window.Calls
            .Where(c => c.Feature == feature.Id)
            .OrderBy(c => c.Timestamp)
            .ThenBy(c => c.SourceFile, StringComparer.Ordinal)
            .ThenBy(c => c.Line)
            .ToList();
        if (calls.Count == 0)
        {
            Unchanged.Add(new UnchangedValue(prefix, "no calls in the window"));
            return;
        }

        var observations = calls.Select(ToObservation).ToList();
        var calibration = Calibrator.Calibrate(observations, options.Calibration).Features[0];
        var span = SpanText(calls);
        var csvPath = $"recalibrated/{feature.Id}.csv";
        var csvUsed = FitTokens(prefix + ".input_tokens", feature.InputTokens.Written, calibration.InputTokens,
            csvPath, span);
        csvUsed |= FitTokens(prefix + ".output_tokens", feature.OutputTokens.Written, calibration.OutputTokens,
            csvPath, span);
        if (csvUsed)
        {
            NewFiles[Path.Combine(scenarioFolder, "recalibrated", feature.Id + ".csv")] =
                Recalibrator.EmpiricalCsv(observations);
        }

        var taskCount = calls.Select(c => c.TaskId).Distinct(StringComparer.Ordinal).Count();
        FitCallsPerTask(feature, calls.Count, taskCount, span);
        FitCacheHitRate(feature, calls, span);
        VolumeScaler.Scale(this, scenario, feature, calls, window, _cutOffMonth, options);
    }

    /// <summary>
    /// Moves <c>start_month</c> to the cut-off's month when the scenario starts earlier, so the forecast
    /// starts where the actuals end, and grows each cohort's users to that month.
    /// </summary>
    public void MoveStartMonth()
    {
        if (scenario.StartMonth >= _cutOffMonth)
        {
            Unchanged.Add(new UnchangedValue("start_month", "the scenario starts at or after the cut-off's month"));
            return;
        }

        var months = MonthsBetween(scenario.StartMonth, _cutOffMonth);
        var reason = $"the forecast starts at the cut-off's month, {months} months after the planned start";
        Add("start_month", Recalibrator.Month(scenario.StartMonth), Recalibrator.Month(_cutOffMonth), reason);

        // The end month is kept, so the months before the cut-off are dropped from the horizon. A scenario
        // that ended before the cut-off's month gets one month.
        var horizon = Math.Max(1, scenario.HorizonMonths - months);
        Add("horizon_months", Recalibrator.Count(scenario.HorizonMonths), Recalibrator.Count(horizon),
            $"the end month {Recalibrator.Month(scenario.EndMonth)} is kept");

        foreach (var cohort in scenario.Cohorts)
        {
            var growth = Math.Pow(1 + cohort.MonthlyGrowth.Mean, months);
            if (growth == 1)
            {
                continue;
            }

            Add($"cohorts.{cohort.Id}.users", cohort.Users.Written, UncertainValueScaler.Scale(cohort.Users, growth),
                $"users at the planned start grown by the mean monthly growth over {months} months "
                + $"(x{UncertainValueScaler.Number(growth)})");
        }
    }

    public void Add(string path, string oldValue, string newValue, string reason) =>
        Overrides.Add(new RecalibrationOverride(path, oldValue, newValue, reason));

    public static int MonthsBetween(DateOnly from, DateOnly to) =>
        (to.Year - from.Year) * 12 + to.Month - from.Month;

    public static string SpanText(IReadOnlyList<UsageActual> calls)
    {
        var first = DateOnly.FromDateTime(calls[0].Timestamp!.Value.UtcDateTime);
        var last = DateOnly.FromDateTime(calls[^1].Timestamp!.Value.UtcDateTime);
        return $"{Recalibrator.Date(first)} to {Recalibrator.Date(last)}";
    }

    private bool FitTokens(string path, string oldValue, TokenFitReport fit, string csvPath, string span)
    {
        var isEmpirical = fit.Chosen?.Distribution is EmpiricalDistribution;
        var minimum = isEmpirical ? options.MinimumCallsForEmpirical : options.MinimumCallsForFit;
        if (fit.Count < minimum)
        {
            var kind = isEmpirical ? "no parametric fit passed the checks, and an empirical distribution" : "a fit";
            Unchanged.Add(new UnchangedValue(path,
                $"{Recalibrator.Count(fit.Count)} calls, {span}; {kind} needs at least {Recalibrator.Count(minimum)}"));
            return false;
        }

        var value = ScenarioFragmentWriter.ChosenValue(fit, csvPath);
        Add(path, oldValue, value, $"fitted from {Recalibrator.Count(fit.Count)} calls, {span}: {fit.ChoiceReason}");
        return isEmpirical;
    }

    private void FitCallsPerTask(FeatureSpec feature, int callCount, int taskCount, string span)
    {
        var prefix = $"features.{feature.Id}";
        var (path, oldValue) = feature.Agent is { } agent
            ? (prefix + ".agent.steps", agent.Steps.Written)
            : feature.Conversation is { } conversation
                ? (prefix + ".conversation.turns", conversation.Turns.Written)
                : (prefix, "");
        if (oldValue.Length == 0)
        {
            Unchanged.Add(new UnchangedValue(prefix + ".conversation.turns",
                $"{Recalibrator.Count(callCount)} calls in {Recalibrator.Count(taskCount)} tasks, but the feature "
                + "has neither conversation nor agent, so it makes one call per task"));
            return;
        }

        if (taskCount < options.MinimumTasks)
        {
            Unchanged.Add(new UnchangedValue(path,
                $"{Recalibrator.Count(taskCount)} tasks, {span}; needs at least {options.MinimumTasks}"));
            return;
        }

        // A geometric count on 1, 2, ... with the observed mean. NOTE: agent calls include retries and
        // reflections, so writing their mean as steps overstates steps when those are common.
        var mean = Math.Min(1000, (double)callCount / taskCount);
        Add(path, oldValue, $"{{geometric: {{mean: {UncertainValueScaler.Number(mean)}}}}}",
            $"{Recalibrator.Count(callCount)} calls in {Recalibrator.Count(taskCount)} tasks, {span}");
    }

    private void FitCacheHitRate(FeatureSpec feature, List<UsageActual> calls, string span)
    {
        if (feature.Cache is not { } cache)
        {
            return;
        }

        var path = $"features.{feature.Id}.cache.hit_rate";
        if (calls.Count < options.MinimumCallsForCache)
        {
            Unchanged.Add(new UnchangedValue(path, $"{Recalibrator.Count(calls.Count)} calls, {span}; needs at "
                + $"least {Recalibrator.Count(options.MinimumCallsForCache)}"));
            return;
        }

        // With prompt_share the rate is the share of prompt tokens read from the cache. With the other
        // prefixes it is the share of calls whose prefix is a cache read.
        double rate;
        string measure;
        if (cache.Prefix == CachePrefix.PromptShare)
        {
            var read = calls.Sum(c => (double)c.Buckets!.Value.CacheRead);
            var input = calls.Sum(c => (double)InputTokens(c));
            rate = input == 0 ? 0 : read / input;
            measure = "cache-read share of input tokens";
        }
        else
        {
            rate = (double)calls.Count(c => c.Buckets!.Value.CacheRead > 0) / calls.Count;
            measure = "share of calls with a cache read";
        }

        Add(path, UncertainValueScaler.Number(cache.HitRate), UncertainValueScaler.Number(rate),
            $"{measure} over {Recalibrator.Count(calls.Count)} calls, {span}");
    }

    private static long InputTokens(UsageActual call)
    {
        var b = call.Buckets!.Value;
        return b.UncachedInput + b.CacheRead + b.CacheWrite5Minutes + b.CacheWrite1Hour;
    }

    // NOTE: the scenario's input_tokens are new tokens per turn, but a logged call's input includes the
    // system prompt and, in conversations that re-send history, earlier turns, so the fit overstates it there.
    private static TokenObservation ToObservation(UsageActual call) => new(
        call.Feature!,
        call.TaskId,
        call.Timestamp,
        InputTokens(call),
        call.Buckets!.Value.Output,
        ReasoningTokens: null,
        PrefixBlockHashes: null,
        call.Line,
        call.SourceFile);
}
