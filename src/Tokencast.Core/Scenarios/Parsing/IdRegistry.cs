using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>Detects ids defined twice, reporting the line of the first definition.</summary>
internal sealed class IdRegistry(ParseContext context, string what)
{
    private readonly Dictionary<string, long> _firstLines = [];

    public IReadOnlyCollection<string> Ids => _firstLines.Keys;

    /// <summary>Records <paramref name="id"/> and returns true, or reports a duplicate and returns false.</summary>
    public bool Add(string id, YamlNode node, string path)
    {
        if (_firstLines.TryGetValue(id, out var firstLine))
        {
            context.Report(node, path, id, $"duplicate {what}; first defined on line {firstLine}");
            return false;
        }

        _firstLines[id] = context.LineOf(node);
        return true;
    }
}
