using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads <c>aliases</c>: names that stand for a model, optionally from a date on.</summary>
internal static class AliasReader
{
    private static readonly string[] Keys = ["alias", "model", "from"];

    public static List<AliasSpec> Read(YamlNode? node, string path, ParseContext context)
    {
        var aliases = new List<AliasSpec>();
        var seen = new IdRegistry(context, "alias with this start date");
        foreach (var (item, itemPath, _) in SequenceItems.Read(node, path, context, "aliases"))
        {
            if (MappingReader.Open(item, itemPath, context, "an alias {alias, model, from}", Keys) is not { } mapping)
            {
                continue;
            }

            var alias = mapping.Text("alias", required: true);
            var model = mapping.Text("model", required: true);
            var from = mapping.Date("from");
            if (alias is null || model is null || (mapping.Has("from") && from is null))
            {
                continue;
            }

            context.Refer(ReferenceKind.Model, model, mapping.Find("model")!, mapping.ChildPath("model"));
            if (seen.Add($"{alias} from {from?.ToString("yyyy-MM-dd") ?? "the start"}", mapping.Find("alias")!,
                    mapping.ChildPath("alias")))
            {
                aliases.Add(new AliasSpec(alias, model, from, mapping.Location));
            }
        }

        return aliases;
    }
}
