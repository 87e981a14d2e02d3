using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads a feature's <c>routing</c>, which contains a <c>cascade</c>.</summary>
internal static class RoutingReader
{
    private static readonly string[] CascadeKeys = ["cheap", "strong", "escalation_rate", "confidence", "threshold"];

    public static RoutingSpec? Read(YamlNode node, string path, ParseContext context)
    {
        if (MappingReader.Open(node, path, context, "routing settings", ["cascade"]) is not { } routing)
        {
            return null;
        }

        var cascadeNode = routing.Require("cascade", "a cascade {cheap, strong, escalation_rate}");
        if (cascadeNode is null
            || MappingReader.Open(cascadeNode, routing.ChildPath("cascade"), context, "cascade settings", CascadeKeys)
                is not { } cascade)
        {
            return null;
        }

        var problemsBefore = context.Problems.Count;
        var cheap = ReadModel(cascade, "cheap");
        var strong = ReadModel(cascade, "strong");
        var rate = cascade.Number("escalation_rate", ValueRange.Probability);
        var confidence = cascade.Find("confidence") is { } confidenceNode
            ? UncertainValueReader.Read(confidenceNode, cascade.ChildPath("confidence"), context, ValueRange.Probability)
            : null;
        var threshold = cascade.Number("threshold", ValueRange.Probability);
        CheckEscalationForm(cascade);
        if (cheap is null || strong is null || context.Problems.Count > problemsBefore)
        {
            return null;
        }

        var spec = new CascadeSpec(cheap, strong, rate, confidence, threshold, cascade.Location);
        return new RoutingSpec(spec, routing.Location);
    }

    private static string? ReadModel(MappingReader cascade, string key)
    {
        var model = cascade.Text(key, required: true);
        if (model is not null)
        {
            cascade.Context.Refer(ReferenceKind.Model, model, cascade.Find(key)!, cascade.ChildPath(key));
        }

        return model;
    }

    // A cascade escalates either a fixed share of tasks or the tasks whose router confidence is below a threshold.
    private static void CheckEscalationForm(MappingReader cascade)
    {
        var hasRate = cascade.Has("escalation_rate");
        var hasConfidence = cascade.Has("confidence");
        var hasThreshold = cascade.Has("threshold");
        string? message = null;
        if (hasRate && (hasConfidence || hasThreshold))
        {
            message = "use either escalation_rate, or confidence with threshold, not both";
        }
        else if (!hasRate && !hasConfidence && !hasThreshold)
        {
            message = "missing escalation; expected escalation_rate, or confidence with threshold";
        }
        else if (!hasRate && hasConfidence != hasThreshold)
        {
            message = hasConfidence ? "missing threshold next to confidence" : "missing confidence next to threshold";
        }

        if (message is not null)
        {
            cascade.Context.Report(
                cascade.Node, cascade.Path, NodeText.RenderForMessage(cascade.Node), message);
        }
    }
}
