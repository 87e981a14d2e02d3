using Tokencast.Core.Distributions;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads log-normal parameters written either as a median with one quantile key (<c>p90</c>, <c>p95</c>,
/// <c>p99</c>, ...) or as mu and sigma of the underlying normal.
/// </summary>
internal static partial class LogNormalReader
{
    public static readonly string[] Keys = ["median", "mu", "sigma"];

    public static bool IsQuantileKey(string key) => QuantileKeyPattern().IsMatch(key);

    /// <summary>
    /// Returns mu and sigma, or null after reporting what is missing or invalid. The median and quantile must be
    /// in <paramref name="valueRange"/>, which defaults to any number > 0.
    /// </summary>
    public static (double Mu, double Sigma)? Read(MappingReader parameters, ValueRange? valueRange = null)
    {
        var range = valueRange ?? ValueRange.Positive;
        var quantiles = parameters.Entries.Where(entry => IsQuantileKey(entry.Key)).ToList();
        var hasMedianForm = parameters.Has("median") || quantiles.Count > 0;
        var hasMuForm = parameters.Has("mu") || parameters.Has("sigma");
        if (hasMedianForm && hasMuForm)
        {
            Report(parameters, "use either median with one quantile key such as p95, or mu and sigma, not both");
            return null;
        }

        if (!hasMedianForm && !hasMuForm)
        {
            Report(parameters, "missing parameters; expected median and a quantile key such as p95, or mu and sigma");
            return null;
        }

        return hasMedianForm ? ReadMedianForm(parameters, quantiles, range) : ReadMuForm(parameters, range);
    }

    private static (double Mu, double Sigma)? ReadMuForm(MappingReader parameters, ValueRange range)
    {
        var mu = parameters.Number("mu", ValueRange.Any, required: true);
        var sigma = parameters.Number("sigma", ValueRange.Sigma, required: true);
        if (mu is not { } m || sigma is not { } s)
        {
            return null;
        }

        // The median of a log-normal is exp(mu), so mu is held to the same range as a written median.
        if (!range.Contains(Math.Exp(m)))
        {
            parameters.Context.Report(parameters.Find("mu")!, parameters.ChildPath("mu"), ScalarReader.ValueOf(
                parameters.Find("mu")!), $"out of range; the median exp(mu) must be {range.Description}");
            return null;
        }

        return (m, s);
    }

    private static (double Mu, double Sigma)? ReadMedianForm(
        MappingReader parameters,
        List<(string Key, YamlDotNet.RepresentationModel.YamlNode Value)> quantiles,
        ValueRange range)
    {
        var median = parameters.Number("median", range, required: true);
        if (quantiles.Count != 1)
        {
            Report(parameters, quantiles.Count == 0
                ? "missing quantile key; expected one such as p90, p95 or p99 next to median"
                : $"expected one quantile key, found {string.Join(", ", quantiles.Select(q => q.Key))}");
            return null;
        }

        var (key, node) = quantiles[0];
        var path = parameters.ChildPath(key);
        var probability = double.Parse(key[1..], CultureInfo.InvariantCulture) / 100;
        if (probability <= 0.5 || probability >= 1)
        {
            parameters.Context.Report(node, path, key,
                "invalid quantile key; expected one above p50 and below p100, such as p90, p95 or p99");
            return null;
        }

        if (!ScalarReader.TryNumber(node, path, parameters.Context, range, out var quantile)
            || median is not { } medianValue)
        {
            return null;
        }

        if (quantile <= medianValue)
        {
            parameters.Context.Report(node, path, ScalarReader.ValueOf(node),
                $"out of range; {key} must be greater than median ({medianValue.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        return TokenDistribution.LogNormalParameters(medianValue, probability, quantile);
    }

    private static void Report(MappingReader parameters, string message) =>
        parameters.Context.Report(
            parameters.Node, parameters.Path, NodeText.RenderForMessage(parameters.Node), message);

    [GeneratedRegex(@"^p\d+(\.\d+)?$")]
    private static partial Regex QuantileKeyPattern();
}
