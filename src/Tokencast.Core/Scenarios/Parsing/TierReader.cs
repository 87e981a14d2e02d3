using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads <c>models</c>: tier names such as <c>flagship</c> mapped to model keys.</summary>
internal static class TierReader
{
    public static Dictionary<string, string> Read(YamlNode? node, string path, ParseContext context)
    {
        var tiers = new Dictionary<string, string>();
        if (node is null || MappingReader.Open(node, path, context, "a mapping of tier names to models", null)
                is not { } mapping)
        {
            return tiers;
        }

        foreach (var (tier, value) in mapping.Entries)
        {
            var tierPath = mapping.ChildPath(tier);
            if (ScalarReader.TryText(value, tierPath, context, out var model))
            {
                tiers[tier] = model;
                context.Refer(ReferenceKind.Model, model, value, tierPath);
            }
        }

        return tiers;
    }
}
