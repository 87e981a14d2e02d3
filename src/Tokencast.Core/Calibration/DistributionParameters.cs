using System.Globalization;

namespace Tokencast.Core.Calibration;

/// <summary>Lists the parameters of a fitted distribution under their scenario-file keys.</summary>
internal static class DistributionParameters
{
    public static IReadOnlyList<KeyValuePair<string, double>> Of(IFittedDistribution distribution) =>
        distribution switch
        {
            LogNormalFit logNormal => [new("mu", logNormal.Mu), new("sigma", logNormal.Sigma)],
            LogNormalParetoFit spliced =>
            [
                new("median", spliced.Median),
                new(TailQuantileKey(spliced.TailFrom), spliced.Threshold),
                new("tail_from", spliced.TailFrom),
                new("alpha", spliced.Alpha),
            ],
            EmpiricalDistribution empirical => [new("count", empirical.Count)],
            _ => throw new ArgumentException(
                $"Unknown distribution {distribution.GetType().Name}.", nameof(distribution)),
        };

    /// <summary>Formats the quantile key of a probability, such as <c>p95</c> for 0.95.</summary>
    public static string TailQuantileKey(double probability) =>
        "p" + (probability * 100).ToString("0.##", CultureInfo.InvariantCulture);
}
