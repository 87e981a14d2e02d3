using System.Text;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Renders a YAML node in one-line flow style, for messages and branch assumptions.</summary>
internal static class NodeText
{
    public static string Render(YamlNode node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" or "~" or "null" } => "nothing",
        YamlScalarNode => "a single value",
        _ => "an unknown node",
    };

    private static void Append(StringBuilder builder, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(scalar.Value);
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                AppendJoined(builder, sequence.Children, Append);
                builder.Append(']');
                break;
            case YamlMappingNode mapping:
                builder.Append('{');
                AppendJoined(builder, mapping.Children, (b, entry) =>
                {
                    Append(b, entry.Key);
                    b.Append(": ");
                    Append(b, entry.Value);
                });
                builder.Append('}');
                break;
            default:
                builder.Append(node);
                break;
        }
    }

    private static void AppendJoined<T>(StringBuilder builder, IEnumerable<T> items, Action<StringBuilder, T> append)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            append(builder, item);
            first = false;
        }
    }
}
