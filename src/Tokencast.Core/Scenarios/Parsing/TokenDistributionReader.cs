using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads a token distribution drawn per call, such as <c>{lognormal: {median: 400, p95: 3000}}</c>.</summary>
internal static class TokenDistributionReader
{
    private static readonly string[] Kinds = ["fixed", "lognormal", "lognormal_pareto", "empirical"];

    private const string Expected = "a token count >= 0 or a distribution such as {lognormal: {median: 400, p95: 3000}}";

    public static TokenDistributionSpec? Read(YamlNode node, string path, ParseContext context)
    {
        var location = context.Locate(node, path);
        var written = NodeText.Render(node);
        if (node is YamlScalarNode)
        {
            return ScalarReader.TryNumber(node, path, context, ValueRange.TokenCount, out var tokens)
                ? TokenDistributionSpec.Fixed(tokens, location) with { Written = written }
                : null;
        }

        if (DistributionNode.Open(node, path, context, Kinds, Expected) is not var (kind, parametersNode, kindPath))
        {
            return null;
        }

        if (kind == "fixed")
        {
            return ScalarReader.TryNumber(parametersNode, kindPath, context, ValueRange.TokenCount, out var tokens)
                ? TokenDistributionSpec.Fixed(tokens, location) with { Written = written }
                : null;
        }

        if (kind == "empirical")
        {
            return EmpiricalReader.Read(parametersNode, kindPath, context, location, written);
        }

        string[] keys = kind == "lognormal"
            ? [.. LogNormalReader.Keys, "max"]
            : [.. LogNormalReader.Keys, "tail_from", "alpha", "max"];
        var parameters = MappingReader.Open(parametersNode, kindPath, context, $"{kind} parameters", keys,
            LogNormalReader.IsQuantileKey);
        if (parameters is null)
        {
            return null;
        }

        var body = LogNormalReader.Read(parameters, ValueRange.PositiveTokenCount);
        var max = parameters.Number("max", ValueRange.PositiveTokenCount);
        if (kind == "lognormal")
        {
            return body is var (mu, sigma)
                ? new TokenDistributionSpec(TokenDistributionKind.LogNormal,
                    new Dictionary<string, double> { ["mu"] = mu, ["sigma"] = sigma }, [], max, null, written, location)
                : null;
        }

        var tailFrom = parameters.Number("tail_from", ValueRange.OpenUnitInterval, required: true);
        var alpha = parameters.Number("alpha", ValueRange.Positive, required: true);
        if (body is not var (bodyMu, bodySigma) || tailFrom is not { } tail || alpha is not { } shape)
        {
            return null;
        }

        var values = new Dictionary<string, double>
        {
            ["mu"] = bodyMu,
            ["sigma"] = bodySigma,
            ["tail_from"] = tail,
            ["alpha"] = shape,
        };
        return new TokenDistributionSpec(TokenDistributionKind.LogNormalPareto, values, [], max, null, written,
            location);
    }
}
