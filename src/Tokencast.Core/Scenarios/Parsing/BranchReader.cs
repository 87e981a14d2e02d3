using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads <c>branches</c> as written. Set values are checked when <see cref="BranchOverlay"/> applies them and
/// the result is read again; added events are read here.
/// </summary>
internal static class BranchReader
{
    private static readonly string[] Keys = ["description", "set", "add_events"];

    public static List<BranchSpec> Read(YamlNode? node, string path, ParseContext context)
    {
        var branches = new List<BranchSpec>();
        if (node is null
            || MappingReader.Open(node, path, context, "a mapping of branch names to overlays", null) is not { } map)
        {
            return branches;
        }

        foreach (var (name, value) in map.Entries)
        {
            var branchPath = map.ChildPath(name);
            if (MappingReader.CheckId(map.FindKey(name)!, branchPath, context) is null
                || MappingReader.Open(value, branchPath, context, "a branch {description, set, add_events}", Keys)
                    is not { } branch)
            {
                continue;
            }

            var description = branch.Text("description");
            var settings = ReadSettings(branch);
            var events = EventReader.Read(branch.Find("add_events"), branch.ChildPath("add_events"), context);
            branches.Add(new BranchSpec(name, description, settings, events, branch.Location));
        }

        return branches;
    }

    private static List<BranchSetting> ReadSettings(MappingReader branch)
    {
        var settings = new List<BranchSetting>();
        if (branch.Find("set") is not { } node
            || MappingReader.Open(node, branch.ChildPath("set"), branch.Context,
                "a mapping of paths to values, such as features.chat.model: budget", null) is not { } set)
        {
            return settings;
        }

        foreach (var (path, value) in set.Entries)
        {
            var location = branch.Context.Locate(set.FindKey(path)!, set.ChildPath(path));
            settings.Add(new BranchSetting(path, NodeText.Render(value), location));
        }

        return settings;
    }
}
