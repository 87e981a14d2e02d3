using System.Text;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Renders a YAML node in one-line flow style, for messages and branch assumptions.</summary>
internal static class NodeText
{
    /// <summary>Maximum length of a value echoed in a problem message, ellipsis included.</summary>
    public const int MaxMessageValueLength = 120;

    private const string Ellipsis = "...";

    /// <summary>
    /// Renders <paramref name="node"/>. Rendering stops soon after <paramref name="maxLength"/> characters, so a
    /// large node costs no more than its first part. Callers cut the result with <see cref="Shorten"/>.
    /// </summary>
    public static string Render(YamlNode node, int maxLength = int.MaxValue)
    {
        var builder = new StringBuilder();
        Append(builder, node, maxLength);
        return builder.ToString();
    }

    /// <summary>Renders <paramref name="node"/> for a problem message, cut to 120 characters.</summary>
    public static string RenderForMessage(YamlNode node) =>
        Shorten(Render(node, MaxMessageValueLength + 1))!;

    /// <summary>Cuts <paramref name="value"/> to 120 characters, the last three of them "...".</summary>
    public static string? Shorten(string? value) =>
        value is null || value.Length <= MaxMessageValueLength
            ? value
            : string.Concat(value.AsSpan(0, MaxMessageValueLength - Ellipsis.Length), Ellipsis);

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" or "~" or "null" } => "nothing",
        YamlScalarNode => "a single value",
        _ => "an unknown node",
    };

    private static void Append(StringBuilder builder, YamlNode node, int maxLength)
    {
        if (builder.Length > maxLength)
        {
            return;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(scalar.Value);
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                AppendJoined(
                    builder, sequence.Children, (b, item) => Append(b, item, maxLength));
                builder.Append(']');
                break;
            case YamlMappingNode mapping:
                builder.Append('{');
                AppendJoined(builder, mapping.Children, (b, entry) =>
                {
                    Append(b, entry.Key, maxLength);
                    b.Append(": ");
                    Append(b, entry.Value, maxLength);
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
