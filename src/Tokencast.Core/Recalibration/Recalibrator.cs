using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Tokencast.Core.Actuals;
using Tokencast.Core.Calibration;
using Tokencast.Core.Inputs;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Recalibration;

/// <summary>
/// Recalibrates a scenario from actual usage: token distributions, calls per task, cache hit rates and task
/// volumes measured before a cut-off replace the planned values through a top-level <c>set</c> block.
/// </summary>
public static class Recalibrator
{
    /// <summary>
    /// Recalibrates <paramref name="scenario"/> from the calls dated before <paramref name="cutOff"/> within
    /// <see cref="RecalibrationOptions.WindowDays"/>. A call on the cut-off day is left out. Dates are UTC.
    /// </summary>
    /// <exception cref="InvalidInputException">The scenario, or the recalibrated one, is invalid.</exception>
    public static RecalibrationResult Recalibrate(
        ScenarioBundle scenario, IReadOnlyList<UsageActual> actuals, DateOnly cutOff, RecalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WindowDays, 1);

        var plan = scenario.Read().Base;
        var window = ActualsWindow.Select(actuals, plan, cutOff, options.WindowDays);
        var run = new RecalibrationRun(plan, window, cutOff, options, Path.GetDirectoryName(scenario.MainFile)!);
        foreach (var feature in plan.Features)
        {
            run.RecalibrateFeature(feature);
        }

        run.MoveStartMonth();

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in scenario.Files)
        {
            files[path] = text;
        }

        foreach (var (path, text) in run.NewFiles)
        {
            files[path] = text;
        }

        var entries = run.Overrides.Select(o => (o.Path, o.NewValue)).ToList();
        if (entries.Count > 0)
        {
            files[scenario.MainFile] = SetBlockWriter.Merge(scenario.Files[scenario.MainFile], entries);
        }

        var bundle = scenario with { Files = files.ToImmutableSortedDictionary(StringComparer.Ordinal) };
        bundle.Read();

        return new RecalibrationResult(bundle, run.Overrides, run.Unchanged, window.UnknownFeatureCalls,
            window.Calls.Count, window.CallsWithoutTimestamp, window.CallsWithoutUsage);
    }

    /// <summary>Formats a count with group separators, such as 1,204.</summary>
    internal static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Formats a date as YYYY-MM-DD.</summary>
    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a month as YYYY-MM.</summary>
    internal static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Writes the observations as an empirical values file.</summary>
    internal static string EmpiricalCsv(IEnumerable<TokenObservation> observations)
    {
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture);
        EmpiricalSampleWriter.Write(observations, writer);
        return builder.ToString();
    }
}
