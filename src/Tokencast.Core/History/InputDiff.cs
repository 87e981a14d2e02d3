using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.History;

/// <summary>Compares the input files and run settings of two versions.</summary>
internal static class InputDiff
{
    public static List<SettingChange> CompareSettings(ForecastVersion older, ForecastVersion newer)
    {
        var changes = new List<SettingChange>();
        AddIfChanged(changes, "main_file", RelativeMain(older.Inputs), RelativeMain(newer.Inputs));
        AddIfChanged(changes, "catalog_file", Relative(older.Inputs, older.Inputs.Scenario.CatalogFile),
            Relative(newer.Inputs, newer.Inputs.Scenario.CatalogFile));
        AddIfChanged(changes, "branches", string.Join(", ", older.Inputs.Branches),
            string.Join(", ", newer.Inputs.Branches));
        AddIfChanged(changes, "trials", older.Inputs.Trials.ToString(CultureInfo.InvariantCulture),
            newer.Inputs.Trials.ToString(CultureInfo.InvariantCulture));
        AddIfChanged(changes, "seed", older.Inputs.Seed.ToString(CultureInfo.InvariantCulture),
            newer.Inputs.Seed.ToString(CultureInfo.InvariantCulture));
        AddIfChanged(changes, "cut_off", CutOff(older.CutOff), CutOff(newer.CutOff));
        return changes;
    }

    public static List<InputFileChange> CompareFiles(VersionInputs older, VersionInputs newer)
    {
        var olderFiles = RelativeFiles(older);
        var newerFiles = RelativeFiles(newer);
        var changes = new List<InputFileChange>();
        foreach (var file in olderFiles.Keys.Union(newerFiles.Keys).Order(StringComparer.Ordinal))
        {
            var olderText = olderFiles.GetValueOrDefault(file);
            var newerText = newerFiles.GetValueOrDefault(file);
            if (olderText == newerText)
            {
                continue;
            }

            var status = olderText is null ? DiffStatus.Added : newerText is null ? DiffStatus.Removed : DiffStatus.InBoth;
            var paths = status == DiffStatus.InBoth && IsYaml(file)
                ? ChangedYamlPaths(olderText!, newerText!)
                : [];
            var (added, removed) = CountChangedLines(olderText ?? "", newerText ?? "");
            changes.Add(new InputFileChange(file, status, paths, added, removed));
        }

        return changes;
    }

    /// <summary>
    /// Counts the lines of each text that the other lacks, as multisets: order is ignored, so a moved line
    /// counts as unchanged. This avoids a quadratic line diff on large empirical value files.
    /// </summary>
    internal static (int Added, int Removed) CountChangedLines(string older, string newer)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Lines(older))
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        var added = 0;
        foreach (var line in Lines(newer))
        {
            if (counts.GetValueOrDefault(line) > 0)
            {
                counts[line]--;
            }
            else
            {
                added++;
            }
        }

        return (added, counts.Values.Sum());
    }

    /// <summary>
    /// Lists the paths of the values that differ between two YAML documents: a key in only one mapping, an
    /// index in only one sequence, a different scalar, or a different kind of node. Sequence items are
    /// matched by index. Returns an empty list when either text is not valid YAML.
    /// </summary>
    internal static List<string> ChangedYamlPaths(string older, string newer)
    {
        YamlNode? olderRoot;
        YamlNode? newerRoot;
        try
        {
            olderRoot = Root(older);
            newerRoot = Root(newer);
        }
        catch (YamlException)
        {
            return [];
        }

        var paths = new List<string>();
        CompareNodes(olderRoot, newerRoot, "", paths);
        return paths;
    }

    private static void CompareNodes(YamlNode? older, YamlNode? newer, string path, List<string> paths)
    {
        switch (older, newer)
        {
            case (YamlMappingNode olderMap, YamlMappingNode newerMap):
                var olderEntries = Entries(olderMap);
                var newerEntries = Entries(newerMap);
                var keys = olderEntries.Keys.Concat(newerEntries.Keys.Where(k => !olderEntries.ContainsKey(k)));
                foreach (var key in keys)
                {
                    CompareNodes(olderEntries.GetValueOrDefault(key), newerEntries.GetValueOrDefault(key),
                        path.Length == 0 ? key : $"{path}.{key}", paths);
                }

                break;
            case (YamlSequenceNode olderList, YamlSequenceNode newerList):
                var count = Math.Max(olderList.Children.Count, newerList.Children.Count);
                for (var i = 0; i < count; i++)
                {
                    CompareNodes(
                        i < olderList.Children.Count ? olderList.Children[i] : null,
                        i < newerList.Children.Count ? newerList.Children[i] : null,
                        string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"),
                        paths);
                }

                break;
            case (YamlScalarNode olderScalar, YamlScalarNode newerScalar):
                if (olderScalar.Value != newerScalar.Value)
                {
                    paths.Add(path);
                }

                break;
            case (null, null):
                break;
            default:
                paths.Add(path.Length == 0 ? "(document)" : path);
                break;
        }
    }

    /// <summary>Returns a mapping's entries by key text, in document order; a key that is not a scalar is skipped.</summary>
    private static Dictionary<string, YamlNode> Entries(YamlMappingNode mapping)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } text })
            {
                entries.TryAdd(text, value);
            }
        }

        return entries;
    }

    private static YamlNode? Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> RelativeFiles(VersionInputs inputs) =>
        inputs.Scenario.Files.ToDictionary(f => Relative(inputs, f.Key), f => f.Value, StringComparer.Ordinal);

    private static string RelativeMain(VersionInputs inputs) => Relative(inputs, inputs.Scenario.MainFile);

    private static string Relative(VersionInputs inputs, string? path)
    {
        if (path is null)
        {
            return "";
        }

        var folder = Path.GetDirectoryName(inputs.Scenario.MainFile);
        var relative = string.IsNullOrEmpty(folder) ? path : Path.GetRelativePath(folder, path);
        return relative.Replace('\\', '/');
    }

    private static string CutOff(DateOnly? cutOff) =>
        cutOff?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static void AddIfChanged(List<SettingChange> changes, string setting, string older, string newer)
    {
        if (older != newer)
        {
            changes.Add(new SettingChange(setting, older, newer));
        }
    }
}
