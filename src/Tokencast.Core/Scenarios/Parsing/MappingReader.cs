using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads the keys of one YAML mapping with their positions. Opening it reports unknown keys. Each typed read
/// reports a missing required key, a wrong type or an out-of-range value, and then returns null.
/// </summary>
internal sealed partial class MappingReader
{
    private MappingReader(YamlMappingNode node, string path, ParseContext context)
    {
        Node = node;
        Path = path;
        Context = context;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public ParseContext Context { get; }

    public SourceLocation Location => Context.Locate(Node, Path);

    /// <summary>Returns the keys in file order, skipping keys that are not text.</summary>
    public IEnumerable<(string Key, YamlNode Value)> Entries =>
        Node.Children
            .Where(entry => entry.Key is YamlScalarNode { Value: not null })
            .Select(entry => (((YamlScalarNode)entry.Key).Value!, entry.Value));

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping described by <paramref name="what"/> (such as "a feature").
    /// Keys outside <paramref name="allowedKeys"/> are reported unless <paramref name="isExtraKeyAllowed"/>
    /// accepts them; a null <paramref name="allowedKeys"/> accepts any key.
    /// </summary>
    public static MappingReader? Open(
        YamlNode node,
        string path,
        ParseContext context,
        string what,
        IReadOnlyList<string>? allowedKeys,
        Func<string, bool>? isExtraKeyAllowed = null)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Report(node, path, ScalarReader.ValueOf(node), $"expected {what}, got {NodeText.Describe(node)}");
            return null;
        }

        var reader = new MappingReader(mapping, path, context);
        reader.CheckKeys(allowedKeys, isExtraKeyAllowed);
        return reader;
    }

    public string ChildPath(string key) => NodePaths.Child(Path, key);

    public YamlNode? Find(string key) =>
        Node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !ScalarReader.IsNull(value)
            ? value
            : null;

    public bool Has(string key) => Find(key) is not null;

    /// <summary>Returns the node of the key itself, which carries the key's line.</summary>
    public YamlNode? FindKey(string key) =>
        Node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } name } && name == key);

    /// <summary>Returns the value of a required key, or reports it missing with what is expected there.</summary>
    public YamlNode? Require(string key, string expected)
    {
        var value = Find(key);
        if (value is null)
        {
            Context.Report(Node, ChildPath(key), null, $"missing required key '{key}'; expected {expected}");
        }

        return value;
    }

    public string? Text(string key, bool required = false) =>
        Get(key, required, "text") is { } node && ScalarReader.TryText(node, ChildPath(key), Context, out var text)
            ? text
            : null;

    public double? Number(string key, ValueRange range, bool required = false) =>
        Get(key, required, range.Description) is { } node
        && ScalarReader.TryNumber(node, ChildPath(key), Context, range, out var number)
            ? number
            : null;

    public long? Integer(string key, ValueRange range, bool required = false) =>
        Get(key, required, range.Description) is { } node
        && ScalarReader.TryInteger(node, ChildPath(key), Context, range, out var integer)
            ? integer
            : null;

    public decimal? Money(string key, bool required = false) =>
        Get(key, required, ValueRange.Money.Description) is { } node
        && ScalarReader.TryMoney(node, ChildPath(key), Context, ValueRange.Money, out var amount)
            ? amount
            : null;

    public DateOnly? Date(string key, bool required = false) =>
        Get(key, required, "a date written as YYYY-MM-DD") is { } node
        && ScalarReader.TryDate(node, ChildPath(key), Context, out var date)
            ? date
            : null;

    public DateOnly? Month(string key, bool required = false) =>
        Get(key, required, "a month written as YYYY-MM") is { } node
        && ScalarReader.TryMonth(node, ChildPath(key), Context, out var month)
            ? month
            : null;

    public bool? Boolean(string key) =>
        Find(key) is { } node && ScalarReader.TryBoolean(node, ChildPath(key), Context, out var value)
            ? value
            : null;

    /// <summary>Reads one of a fixed set of words, such as <c>standard</c> or <c>batch</c>.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct
    {
        var allowed = string.Join(", ", choices.Keys);
        if (Get(key, required, $"one of {allowed}") is not { } node
            || !ScalarReader.TryText(node, ChildPath(key), Context, out var text))
        {
            return null;
        }

        if (choices.TryGetValue(text, out var choice))
        {
            return choice;
        }

        Context.Report(node, ChildPath(key), text,
            $"expected one of {allowed}{KeySuggestion.Hint(text, choices.Keys)}");
        return null;
    }

    /// <summary>Reads an id made of lower-case letters, digits, '-' and '_'.</summary>
    public string? Id(string key = "id")
    {
        if (Get(key, true, "an id of a-z, 0-9, '-' and '_'") is not { } node)
        {
            return null;
        }

        return CheckId(node, ChildPath(key), Context);
    }

    /// <summary>Returns <paramref name="node"/>'s text when it is a valid id, else reports it and returns null.</summary>
    public static string? CheckId(YamlNode node, string path, ParseContext context)
    {
        if (!ScalarReader.TryText(node, path, context, out var text))
        {
            return null;
        }

        if (!IdPattern().IsMatch(text))
        {
            context.Report(node, path, text, "invalid id; use lower-case letters a-z, digits, '-' and '_'");
            return null;
        }

        return text;
    }

    private YamlNode? Get(string key, bool required, string expected) =>
        required ? Require(key, expected) : Find(key);

    private void CheckKeys(IReadOnlyList<string>? allowedKeys, Func<string, bool>? isExtraKeyAllowed)
    {
        foreach (var (key, _) in Node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Context.Report(key, Path, ScalarReader.ValueOf(key), "invalid key; keys must be text");
                continue;
            }

            if (allowedKeys is null || allowedKeys.Contains(name) || isExtraKeyAllowed?.Invoke(name) == true)
            {
                continue;
            }

            Context.Report(key, ChildPath(name), name,
                $"unknown key{KeySuggestion.Hint(name, allowedKeys)}; allowed keys: {string.Join(", ", allowedKeys)}");
        }
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
