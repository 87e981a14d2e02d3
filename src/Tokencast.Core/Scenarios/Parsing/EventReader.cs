using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads <c>events</c>, the dated timeline, and a branch's <c>add_events</c>.</summary>
internal static class EventReader
{
    private static readonly Dictionary<string, string[]> KeysByKind = new()
    {
        ["model_swap"] = ["feature", "model", "token_efficiency"],
        ["prompt_change"] = ["feature", "system_prompt_tokens", "tool_definition_tokens"],
        ["price_change"] = ["model", .. PriceReader.PriceKeys],
        ["price_trend"] = ["model", "monthly_change"],
        ["feature_launch"] = ["feature", "cohorts"],
    };

    public static List<EventSpec> Read(YamlNode? node, string path, ParseContext context)
    {
        var events = new List<EventSpec>();
        foreach (var (item, itemPath, _) in SequenceItems.Read(node, path, context, "events"))
        {
            if (ReadEvent(item, itemPath, context) is { } spec)
            {
                events.Add(spec);
            }
        }

        return events;
    }

    private static EventSpec? ReadEvent(YamlNode node, string path, ParseContext context)
    {
        var kindNode = (node as YamlMappingNode)?.Children
            .FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: "kind" }).Value;
        var kind = (kindNode as YamlScalarNode)?.Value;
        var knownKind = kind is not null && KeysByKind.ContainsKey(kind);
        string[] keys = knownKind ? ["date", "kind", .. KeysByKind[kind!]] : ["date", "kind"];
        var anyKey = knownKind ? null : (Func<string, bool>)(_ => true);
        if (MappingReader.Open(node, path, context, "an event {date, kind, ...}", keys, anyKey) is not { } mapping)
        {
            return null;
        }

        var problemsBefore = context.Problems.Count;
        var date = mapping.Date("date", required: true);
        if (!knownKind)
        {
            mapping.Choice("kind", KeysByKind.Keys.ToDictionary(k => k, _ => 0), required: true);
            return null;
        }

        EventSpec? spec = kind switch
        {
            "model_swap" => ReadModelSwap(mapping, date),
            "prompt_change" => ReadPromptChange(mapping, date),
            "price_change" => ReadPriceChange(mapping, date),
            "price_trend" => ReadPriceTrend(mapping, date),
            _ => ReadFeatureLaunch(mapping, date),
        };
        return context.Problems.Count > problemsBefore ? null : spec;
    }

    private static ModelSwapEvent? ReadModelSwap(MappingReader mapping, DateOnly? date)
    {
        var feature = ReadFeature(mapping);
        var model = ReadModel(mapping);
        var efficiency = mapping.Number("token_efficiency", ValueRange.Positive) ?? 1;
        return date is { } day && feature is not null && model is not null
            ? new ModelSwapEvent(day, feature, model, efficiency, mapping.Location)
            : null;
    }

    private static PromptChangeEvent? ReadPromptChange(MappingReader mapping, DateOnly? date)
    {
        var feature = ReadFeature(mapping);
        var systemPrompt = mapping.Integer("system_prompt_tokens", ValueRange.WholeTokenCount);
        var toolDefinitions = mapping.Integer("tool_definition_tokens", ValueRange.WholeTokenCount);
        if (!mapping.Has("system_prompt_tokens") && !mapping.Has("tool_definition_tokens"))
        {
            mapping.Context.Report(mapping.Node, mapping.Path, NodeText.RenderForMessage(mapping.Node),
                "missing change; expected system_prompt_tokens, tool_definition_tokens or both");
            return null;
        }

        return date is { } day && feature is not null
            ? new PromptChangeEvent(day, feature, systemPrompt, toolDefinitions, mapping.Location)
            : null;
    }

    private static PriceChangeEvent? ReadPriceChange(MappingReader mapping, DateOnly? date)
    {
        var model = mapping.Text("model", required: true);
        if (date is not { } day || model is null)
        {
            return null;
        }

        return PriceReader.ReadPrice(mapping, model, day, isPriceEntry: false) is { } price
            ? new PriceChangeEvent(day, price, mapping.Location)
            : null;
    }

    private static PriceTrendEvent? ReadPriceTrend(MappingReader mapping, DateOnly? date)
    {
        var model = mapping.Text("model", required: true);
        if (model is not null && model != PriceTrendEvent.AllModels)
        {
            mapping.Context.Refer(ReferenceKind.Model, model, mapping.Find("model")!, mapping.ChildPath("model"));
        }

        var changeNode = mapping.Require("monthly_change", "a number > -1 or a distribution");
        var change = changeNode is null
            ? null
            : UncertainValueReader.Read(changeNode, mapping.ChildPath("monthly_change"), mapping.Context,
                ValueRange.AboveMinusOne);
        return date is { } day && model is not null && change is not null
            ? new PriceTrendEvent(day, model, change, mapping.Location)
            : null;
    }

    private static FeatureLaunchEvent? ReadFeatureLaunch(MappingReader mapping, DateOnly? date)
    {
        var feature = ReadFeature(mapping);
        var cohorts = new List<string>();
        var cohortsPath = mapping.ChildPath("cohorts");
        foreach (var (item, itemPath, _) in SequenceItems.Read(mapping.Find("cohorts"), cohortsPath, mapping.Context,
                     "cohort ids"))
        {
            if (ScalarReader.TryText(item, itemPath, mapping.Context, out var cohort))
            {
                mapping.Context.Refer(ReferenceKind.Cohort, cohort, item, itemPath);
                cohorts.Add(cohort);
            }
        }

        return date is { } day && feature is not null
            ? new FeatureLaunchEvent(day, feature, cohorts, mapping.Location)
            : null;
    }

    private static string? ReadFeature(MappingReader mapping)
    {
        var feature = mapping.Text("feature", required: true);
        if (feature is not null)
        {
            mapping.Context.Refer(ReferenceKind.Feature, feature, mapping.Find("feature")!,
                mapping.ChildPath("feature"));
        }

        return feature;
    }

    private static string? ReadModel(MappingReader mapping)
    {
        var model = mapping.Text("model", required: true);
        if (model is not null)
        {
            mapping.Context.Refer(ReferenceKind.Model, model, mapping.Find("model")!, mapping.ChildPath("model"));
        }

        return model;
    }
}
