using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Reads the one-key mapping that names a distribution, such as <c>{poisson: {mean: 2.5}}</c>.</summary>
internal static class DistributionNode
{
    /// <summary>
    /// Returns the distribution name, its parameter node and that node's path, or null after reporting a value
    /// that is not a one-key mapping with a name from <paramref name="kinds"/>.
    /// </summary>
    public static (string Kind, YamlNode Parameters, string ParametersPath)? Open(
        YamlNode node,
        string path,
        ParseContext context,
        IReadOnlyList<string> kinds,
        string expected)
    {
        if (node is not YamlMappingNode mapping || mapping.Children.Count != 1)
        {
            var got = node is YamlMappingNode ? "a mapping with several keys" : NodeText.Describe(node);
            context.Report(node, path, ScalarReader.ValueOf(node), $"expected {expected}, got {got}");
            return null;
        }

        var (key, parameters) = mapping.Children.First();
        var kind = (key as YamlScalarNode)?.Value ?? "";
        var kindPath = NodePaths.Child(path, kind);
        if (!kinds.Contains(kind))
        {
            context.Report(key, kindPath, kind,
                $"unknown distribution{KeySuggestion.Hint(kind, kinds)}; allowed: {string.Join(", ", kinds)}");
            return null;
        }

        return (kind, parameters, kindPath);
    }
}
