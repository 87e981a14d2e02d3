using System.Globalization;

namespace Tokencast.Core.Variance;

/// <summary>The branch and band percentiles a closed period's actual spend is compared against.</summary>
/// <param name="Branch">Branch of the previous version to compare with.</param>
/// <param name="Low">A week below this percentile raises an alert.</param>
/// <param name="High">A week above this percentile raises an alert.</param>
/// <param name="SampleTasks">Tasks simulated per task model for the forecast's tokens per task.</param>
public sealed record ReviewSettings(
    string Branch = "baseline", int Low = 10, int High = 90, int SampleTasks = ForecastFactors.DefaultSampleTasks)
{
    /// <summary>Percentiles a band stores, so the only values <see cref="Low"/> and <see cref="High"/> take.</summary>
    public static IReadOnlyList<int> BandPercentiles { get; } = [5, 10, 50, 90, 95];

    /// <summary>
    /// Returns what is wrong with the percentiles, naming them by <paramref name="lowName"/> and
    /// <paramref name="highName"/> (an option or a field); empty when both are band percentiles and low is below high.
    /// </summary>
    public IReadOnlyList<InputProblem> Check(string lowName = "--alert-low", string highName = "--alert-high")
    {
        var problems = new List<InputProblem>();
        foreach (var (name, value) in new[] { (lowName, Low), (highName, High) })
        {
            if (!BandPercentiles.Contains(value))
            {
                problems.Add(new InputProblem(null, null, name, value.ToString(CultureInfo.InvariantCulture),
                    "must be a percentile the bands store: 5, 10, 50, 90 or 95"));
            }
        }

        if (problems.Count == 0 && Low >= High)
        {
            problems.Add(new InputProblem(null, null, lowName, Low.ToString(CultureInfo.InvariantCulture),
                $"must be below {highName} ({High})"));
        }

        return problems;
    }
}
