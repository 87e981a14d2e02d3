using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads <c>features</c>, with their conversation and cache settings.</summary>
internal static class FeatureReader
{
    private static readonly string[] Keys =
    [
        "id", "description", "model", "service_tier", "system_prompt_tokens", "tool_definition_tokens",
        "input_tokens", "output_tokens", "reasoning_tokens", "conversation", "agent", "cache", "routing", "variants",
    ];

    private static readonly Dictionary<string, ServiceTier> ServiceTiers = new()
    {
        ["standard"] = ServiceTier.Standard,
        ["batch"] = ServiceTier.Batch,
        ["flex"] = ServiceTier.Flex,
        ["priority"] = ServiceTier.Priority,
    };

    private static readonly Dictionary<string, CachePrefix> CachePrefixes = new()
    {
        ["system_and_tools"] = CachePrefix.SystemAndTools,
        ["system_tools_and_history"] = CachePrefix.SystemToolsAndHistory,
        ["prompt_share"] = CachePrefix.PromptShare,
    };

    private static readonly Dictionary<string, CacheWriteTtl> CacheTtls = new()
    {
        ["5m"] = CacheWriteTtl.FiveMinutes,
        ["1h"] = CacheWriteTtl.OneHour,
    };

    private const string TokenExpected = "a token distribution such as {lognormal: {median: 400, p95: 3000}}";

    public static List<FeatureSpec> Read(YamlNode? node, string path, ParseContext context, IdRegistry ids) =>
        SequenceItems.ReadMappings(node, path, context, "feature", Keys, feature => ReadFeature(feature, ids));

    private static FeatureSpec? ReadFeature(MappingReader feature, IdRegistry ids)
    {
        var context = feature.Context;
        var problemsBefore = context.Problems.Count;
        var id = feature.Id();
        var unique = id is not null && ids.Add(id, feature.Find("id")!, feature.ChildPath("id"));
        var spec = ReadBody(feature, id ?? "");
        if (context.Problems.Count > problemsBefore || !unique || spec is null)
        {
            return null;
        }

        // Variants are read only on a valid feature, because each one is the feature with some keys replaced.
        var variants = FeatureVariantReader.Read(feature, spec.Id, Keys, ReadBody);
        return context.Problems.Count > problemsBefore ? null : spec with { Variants = variants };
    }

    /// <summary>Reads every key of a feature except <c>id</c> and <c>variants</c>.</summary>
    private static FeatureSpec? ReadBody(MappingReader feature, string id)
    {
        var context = feature.Context;
        var problemsBefore = context.Problems.Count;
        var description = feature.Text("description");
        var model = feature.Has("routing") ? feature.Text("model") : feature.Text("model", required: true);
        if (model is not null)
        {
            context.Refer(ReferenceKind.Model, model, feature.Find("model")!, feature.ChildPath("model"));
        }

        var serviceTier = feature.Choice("service_tier", ServiceTiers) ?? ServiceTier.Standard;
        var systemPrompt = feature.Integer("system_prompt_tokens", ValueRange.WholeTokenCount) ?? 0;
        var toolDefinitions = feature.Integer("tool_definition_tokens", ValueRange.WholeTokenCount) ?? 0;
        var input = ReadTokens(feature, "input_tokens", required: true);
        var output = ReadTokens(feature, "output_tokens", required: true);
        var reasoning = ReadTokens(feature, "reasoning_tokens", required: false)
            ?? TokenDistributionSpec.Fixed(0, feature.Location);
        var conversation = ReadConversation(feature);
        var agent = feature.Find("agent") is { } agentNode
            ? AgentReader.Read(agentNode, feature.ChildPath("agent"), context)
            : null;
        var cache = ReadCache(feature);
        var routing = feature.Find("routing") is { } routingNode
            ? RoutingReader.Read(routingNode, feature.ChildPath("routing"), context)
            : null;

        if (context.Problems.Count > problemsBefore || input is null || output is null)
        {
            return null;
        }

        return new FeatureSpec(id, description, model, serviceTier, systemPrompt, toolDefinitions,
            input, output, reasoning, conversation, agent, cache, routing, feature.Location);
    }

    private static TokenDistributionSpec? ReadTokens(MappingReader mapping, string key, bool required)
    {
        var node = required ? mapping.Require(key, TokenExpected) : mapping.Find(key);
        return node is null ? null : TokenDistributionReader.Read(node, mapping.ChildPath(key), mapping.Context);
    }

    private static ConversationSpec? ReadConversation(MappingReader feature)
    {
        if (feature.Find("conversation") is not { } node
            || MappingReader.Open(node, feature.ChildPath("conversation"), feature.Context,
                "conversation settings", ["turns", "resend_history"]) is not { } conversation)
        {
            return null;
        }

        var turnsNode = conversation.Require("turns", "a count distribution such as {geometric: {mean: 3.5}}");
        var turns = turnsNode is null
            ? null
            : CountDistributionReader.Read(turnsNode, conversation.ChildPath("turns"), feature.Context);
        var resendHistory = conversation.Boolean("resend_history") ?? true;
        return turns is null ? null : new ConversationSpec(turns, resendHistory, conversation.Location);
    }

    private static CacheSpec? ReadCache(MappingReader feature)
    {
        if (feature.Find("cache") is not { } node
            || MappingReader.Open(node, feature.ChildPath("cache"), feature.Context, "cache settings",
                ["prefix", "hit_rate", "write_ttl"]) is not { } cache)
        {
            return null;
        }

        var prefix = cache.Choice("prefix", CachePrefixes) ?? CachePrefix.SystemAndTools;
        var hitRate = cache.Number("hit_rate", ValueRange.Probability, required: true);
        var ttl = cache.Choice("write_ttl", CacheTtls) ?? CacheWriteTtl.FiveMinutes;
        return hitRate is { } rate ? new CacheSpec(prefix, rate, ttl, cache.Location) : null;
    }
}
