using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads an uncertain number: a plain number or a distribution drawn once per trial.</summary>
internal static class UncertainValueReader
{
    private static readonly string[] Kinds = ["normal", "uniform", "triangular", "pert", "lognormal", "beta"];

    public static UncertainValue? Read(YamlNode node, string path, ParseContext context, ValueRange range)
    {
        var location = context.Locate(node, path);
        if (node is YamlScalarNode scalar)
        {
            return ScalarReader.TryNumber(node, path, context, range, out var value)
                ? UncertainValue.Constant(value, location) with { Written = scalar.Value! }
                : null;
        }

        var expected = $"{range.Description} or a distribution such as {{uniform: {{min: 0.1, max: 0.3}}}}";
        if (DistributionNode.Open(node, path, context, Kinds, expected) is not var (kind, parametersNode, kindPath))
        {
            return null;
        }

        var parameters = kind switch
        {
            "normal" => ReadNormal(parametersNode, kindPath, context, range),
            "uniform" => ReadBounded(parametersNode, kindPath, context, range, "uniform", withMode: false),
            "triangular" => ReadBounded(parametersNode, kindPath, context, range, "triangular", withMode: true),
            "pert" => ReadBounded(parametersNode, kindPath, context, range, "pert", withMode: true),
            "lognormal" => ReadLogNormal(parametersNode, kindPath, context, range),
            _ => ReadBeta(parametersNode, kindPath, context),
        };
        if (parameters is null)
        {
            return null;
        }

        var distribution = kind switch
        {
            "normal" => UncertainDistributionKind.Normal,
            "uniform" => UncertainDistributionKind.Uniform,
            "triangular" => UncertainDistributionKind.Triangular,
            "pert" => UncertainDistributionKind.Pert,
            "lognormal" => UncertainDistributionKind.LogNormal,
            _ => UncertainDistributionKind.Beta,
        };

        // NOTE: an exclusive bound (such as growth > -1) is checked on the parameters but not enforced on
        // draws; a normal with a wide sd can still draw below it.
        return new UncertainValue(
            distribution, parameters, range.InclusiveMin, range.InclusiveMax, NodeText.Render(node), location);
    }

    private static Dictionary<string, double>? ReadNormal(
        YamlNode node, string path, ParseContext context, ValueRange range)
    {
        var parameters = MappingReader.Open(node, path, context, "normal parameters {mean, sd}", ["mean", "sd"]);
        var mean = parameters?.Number("mean", range, required: true);
        var sd = parameters?.Number("sd", ValueRange.Positive, required: true);
        return mean is { } m && sd is { } s ? new() { ["mean"] = m, ["sd"] = s } : null;
    }

    private static Dictionary<string, double>? ReadBounded(
        YamlNode node, string path, ParseContext context, ValueRange range, string kind, bool withMode)
    {
        string[] keys = withMode ? ["min", "mode", "max"] : ["min", "max"];
        var parameters = MappingReader.Open(node, path, context, $"{kind} parameters {{{string.Join(", ", keys)}}}",
            keys);
        if (parameters is null)
        {
            return null;
        }

        var values = new Dictionary<string, double>();
        foreach (var key in keys)
        {
            if (parameters.Number(key, range, required: true) is { } value)
            {
                values[key] = value;
            }
        }

        if (values.Count != keys.Length)
        {
            return null;
        }

        return CheckOrder(parameters, values, keys) ? values : null;
    }

    // Each key must be at least the one before it (min <= mode <= max), and max must be above min.
    private static bool CheckOrder(MappingReader parameters, Dictionary<string, double> values, string[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var previous = values[keys[i - 1]];
            var current = values[keys[i]];
            if (current < previous)
            {
                parameters.Context.Report(parameters.Find(keys[i])!, parameters.ChildPath(keys[i]),
                    Format(current), $"out of range; {keys[i]} must be at least {keys[i - 1]} ({Format(previous)})");
                return false;
            }
        }

        if (values["max"] <= values["min"])
        {
            parameters.Context.Report(parameters.Find("max")!, parameters.ChildPath("max"), Format(values["max"]),
                $"out of range; max must be greater than min ({Format(values["min"])})");
            return false;
        }

        return true;
    }

    private static Dictionary<string, double>? ReadLogNormal(
        YamlNode node, string path, ParseContext context, ValueRange range)
    {
        var parameters = MappingReader.Open(node, path, context, "log-normal parameters", LogNormalReader.Keys,
            LogNormalReader.IsQuantileKey);
        if (parameters is null || LogNormalReader.Read(parameters) is not var (mu, sigma))
        {
            return null;
        }

        var median = Math.Exp(mu);
        if (!range.Contains(median))
        {
            context.Report(node, path, NodeText.RenderForMessage(node),
                $"out of range; the median {Format(median)} must be {range.Description}");
            return null;
        }

        return new() { ["mu"] = mu, ["sigma"] = sigma };
    }

    private static Dictionary<string, double>? ReadBeta(YamlNode node, string path, ParseContext context)
    {
        var parameters = MappingReader.Open(node, path, context, "beta parameters {alpha, beta}", ["alpha", "beta"]);
        var alpha = parameters?.Number("alpha", ValueRange.Positive, required: true);
        var beta = parameters?.Number("beta", ValueRange.Positive, required: true);
        return alpha is { } a && beta is { } b ? new() { ["alpha"] = a, ["beta"] = b } : null;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
