using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads a feature's <c>variants</c>: each variant name maps to feature keys that replace the feature's
/// own. The feature with those keys replaced is read and checked like a feature, and problems carry the
/// path <c>features[i].variants.NAME.KEY</c>.
/// </summary>
internal static class FeatureVariantReader
{
    /// <summary>Feature keys a variant cannot replace: the id names the feature, and variants do not nest.</summary>
    private static readonly string[] FixedKeys = ["id", "variants"];

    public static List<FeatureVariantSpec> Read(
        MappingReader feature, string id, IReadOnlyList<string> featureKeys, Func<MappingReader, string, FeatureSpec?> read)
    {
        var variants = new List<FeatureVariantSpec>();
        var context = feature.Context;
        if (feature.Find("variants") is not { } node
            || MappingReader.Open(node, feature.ChildPath("variants"), context,
                "a mapping of variant names to the feature keys they replace", null) is not { } mapping)
        {
            return variants;
        }

        var allowed = featureKeys.Except(FixedKeys).ToList();
        foreach (var (name, value) in mapping.Entries)
        {
            var path = mapping.ChildPath(name);
            var keyNode = mapping.FindKey(name)!;
            if (MappingReader.CheckId(keyNode, path, context) is null
                || MappingReader.Open(value, path, context, "a mapping of the feature keys the variant replaces",
                    allowed) is not { } variant)
            {
                continue;
            }

            if (variant.Node.Children.Count == 0)
            {
                context.Report(value, path, name,
                    "empty variant; give the feature keys it replaces, such as input_tokens");
                continue;
            }

            if (ReadVariant(feature, variant, id, read) is { } spec)
            {
                variants.Add(new FeatureVariantSpec(name, spec, variant.Location));
            }
        }

        return variants;
    }

    /// <summary>
    /// Reads the feature with the variant's keys replaced in a context of its own, then passes on every
    /// problem and warning. Of the model references it passes on only those the variant wrote, because the
    /// feature's own are checked already and checking them again would report an unknown model twice.
    /// </summary>
    private static FeatureSpec? ReadVariant(
        MappingReader feature, MappingReader variant, string id, Func<MappingReader, string, FeatureSpec?> read)
    {
        var written = variant.Entries.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        var entries = feature.Node.Children
            .Where(entry => entry.Key is not YamlScalarNode { Value: var key } || !written.Contains(key!))
            .Where(entry => entry.Key is not YamlScalarNode { Value: "variants" })
            .Concat(variant.Node.Children);
        var merged = new YamlMappingNode(entries);

        var context = feature.Context;
        var scratch = context.CreateScratch(merged, context.LineOf(variant.Node));
        var reader = MappingReader.Open(merged, variant.Path, scratch, "a feature variant", null)!;
        var spec = read(reader, id);

        context.Problems.AddRange(scratch.Problems);
        context.Warnings.AddRange(scratch.Warnings);
        context.References.AddRange(scratch.References.Where(reference =>
            written.Contains(FirstKey(reference.Path, variant.Path))));
        return scratch.Problems.Count > 0 ? null : spec;
    }

    // Returns the first key below the variant in a path such as features[0].variants.short.routing.cascade.cheap.
    private static string FirstKey(string path, string variantPath)
    {
        var rest = path.Length > variantPath.Length + 1 ? path[(variantPath.Length + 1)..] : "";
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }
}
