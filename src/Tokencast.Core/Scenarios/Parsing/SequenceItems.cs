using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Enumerates the items of a YAML list with their paths, such as <c>features[2]</c>.</summary>
internal static class SequenceItems
{
    public static IEnumerable<(YamlNode Node, string Path, int Index)> Read(
        YamlNode? node, string path, ParseContext context, string what)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            context.Report(node, path, ScalarReader.ValueOf(node), $"expected a list of {what}, got {NodeText.Describe(node)}");
            yield break;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            yield return (sequence.Children[i], NodePaths.Item(path, i), i);
        }
    }

    /// <summary>
    /// Opens each item as a mapping with <paramref name="keys"/> and reads it with <paramref name="read"/>,
    /// keeping the items that read without problems.
    /// </summary>
    public static List<T> ReadMappings<T>(
        YamlNode? node,
        string path,
        ParseContext context,
        string what,
        IReadOnlyList<string> keys,
        Func<MappingReader, T?> read)
        where T : class
    {
        var results = new List<T>();
        foreach (var (item, itemPath, _) in Read(node, path, context, $"{what}s"))
        {
            if (MappingReader.Open(item, itemPath, context, $"a {what}", keys) is { } mapping
                && read(mapping) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
