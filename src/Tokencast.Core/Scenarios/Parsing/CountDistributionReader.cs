using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads a count distribution drawn per task, such as <c>{poisson: {mean: 6, min: 1}}</c>.</summary>
internal static class CountDistributionReader
{
    private static readonly string[] Kinds = ["fixed", "poisson", "geometric", "negative_binomial"];

    private const string Expected = "a whole number >= 0 or a distribution such as {poisson: {mean: 2.5}}";


    public static CountDistributionSpec? Read(YamlNode node, string path, ParseContext context)
    {
        var location = context.Locate(node, path);
        var written = NodeText.Render(node);
        if (node is YamlScalarNode)
        {
            return ReadFixed(node, path, context, location, written);
        }

        if (DistributionNode.Open(node, path, context, Kinds, Expected) is not var (kind, parametersNode, kindPath))
        {
            return null;
        }

        if (kind == "fixed")
        {
            return ReadFixed(parametersNode, kindPath, context, location, written);
        }

        string[] keys = kind == "negative_binomial" ? ["mean", "dispersion", "min", "max"] : ["mean", "min", "max"];
        var parameters = MappingReader.Open(parametersNode, kindPath, context, $"{kind} parameters", keys);
        if (parameters is null)
        {
            return null;
        }

        var meanRange = kind == "geometric" ? ValueRange.GeometricCountMean : ValueRange.CountMean;
        var mean = parameters.Number("mean", meanRange, required: true);
        var dispersion = kind == "negative_binomial"
            ? parameters.Number("dispersion", ValueRange.Positive, required: true)
            : null;
        var bounds = ReadBounds(parameters);
        if (mean is not { } m || bounds is not var (min, max) || (kind == "negative_binomial" && dispersion is null))
        {
            return null;
        }

        var (distribution, values) = kind switch
        {
            "poisson" => (CountDistributionKind.Poisson, new Dictionary<string, double> { ["lambda"] = m }),
            "geometric" => (CountDistributionKind.Geometric, new Dictionary<string, double> { ["p"] = 1 / m }),
            _ => (CountDistributionKind.NegativeBinomial, NegativeBinomialParameters(m, dispersion!.Value)),
        };
        return new CountDistributionSpec(distribution, values, min, max, written, location);
    }

    // Mean and dispersion r give p = r / (r + mean): the mean of failures before the r-th success,
    // r (1 - p) / p, is then the given mean, and the variance is mean + mean^2 / r.
    private static Dictionary<string, double> NegativeBinomialParameters(double mean, double dispersion) =>
        new() { ["r"] = dispersion, ["p"] = dispersion / (dispersion + mean) };

    private static CountDistributionSpec? ReadFixed(
        YamlNode node, string path, ParseContext context, SourceLocation location, string written) =>
        ScalarReader.TryInteger(node, path, context, ValueRange.FixedCount, out var count)
            ? CountDistributionSpec.Fixed((int)Math.Min(count, int.MaxValue), location) with { Written = written }
            : null;

    private static (int? Min, int? Max)? ReadBounds(MappingReader parameters)
    {
        var hadMin = parameters.Has("min");
        var hadMax = parameters.Has("max");
        var min = parameters.Integer("min", ValueRange.CountBound);
        var max = parameters.Integer("max", ValueRange.CountBound);
        if ((hadMin && min is null) || (hadMax && max is null))
        {
            return null;
        }

        if (min is { } low && max is { } high && high < low)
        {
            parameters.Context.Report(parameters.Find("max")!, parameters.ChildPath("max"), high.ToString(),
                $"out of range; max must be at least min ({low})");
            return null;
        }

        return ((int?)min, (int?)max);
    }
}
