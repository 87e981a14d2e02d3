using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Adds <see cref="SetOverride"/> entries to a document's top-level <c>set</c>, after the file's own, and
/// rewrites the problems they cause so that they name <c>--set</c> and the path as given.
/// </summary>
internal static class CommandLineSets
{
    /// <summary>
    /// Returns <paramref name="root"/> with the overrides appended to its top-level <c>set</c>. An override
    /// replaces a file entry of the same path, and of two overrides of one path the last wins. A value that
    /// is not valid YAML is added to <paramref name="problems"/> and left out.
    /// </summary>
    public static YamlNode Append(YamlNode root, IReadOnlyList<SetOverride> overrides, List<InputProblem> problems)
    {
        if (overrides.Count == 0 || root is not YamlMappingNode mapping)
        {
            return root;
        }

        var latest = overrides.GroupBy(o => o.Path, StringComparer.Ordinal).Select(group => group.Last()).ToList();
        var paths = latest.Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        var setKey = new YamlScalarNode("set");
        var entries = mapping.Children.TryGetValue(setKey, out var existing) && existing is YamlMappingNode fileSet
            ? fileSet.Children.Where(entry => entry.Key is not YamlScalarNode { Value: var key } || !paths.Contains(key!))
                .ToList()
            : [];

        foreach (var entry in latest)
        {
            if (ParseValue(entry, problems) is { } value)
            {
                entries.Add(new(new YamlScalarNode(entry.Path), value));
            }
        }

        var top = mapping.Children.Where(entry => !entry.Key.Equals(setKey)).ToList();
        top.Add(new(setKey, new YamlMappingNode(entries)));
        return new YamlMappingNode(top);
    }

    /// <summary>
    /// Rewrites a problem whose path lies under <c>set.PATH</c> of an override to file <c>--set</c>, no line,
    /// and the path below it, such as <c>features.chat.model</c>. Other problems are returned unchanged.
    /// </summary>
    public static InputProblem Rewrite(InputProblem problem, IReadOnlyList<SetOverride> overrides)
    {
        if (problem.Path is not { } path)
        {
            return problem;
        }

        foreach (var entry in overrides)
        {
            var written = "set." + entry.Path;
            if (path == written || path.StartsWith(written + ".", StringComparison.Ordinal)
                || path.StartsWith(written + "[", StringComparison.Ordinal))
            {
                return problem with { File = SetOverride.Source, Line = null, Path = path["set.".Length..] };
            }
        }

        return problem;
    }

    private static YamlNode? ParseValue(SetOverride entry, List<InputProblem> problems)
    {
        if (entry.Value.Trim().Length == 0)
        {
            problems.Add(new InputProblem(SetOverride.Source, null, entry.Path, entry.Value,
                "missing value; write a YAML value after '=', such as features.chat.model=budget"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(entry.Value));
        }
        catch (YamlException exception)
        {
            problems.Add(new InputProblem(SetOverride.Source, null, entry.Path, entry.Value,
                $"invalid YAML value: {exception.InnerException?.Message ?? exception.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            problems.Add(new InputProblem(SetOverride.Source, null, entry.Path, entry.Value,
                "invalid YAML value; check for unclosed brackets or quotes"));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            problems.Add(new InputProblem(SetOverride.Source, null, entry.Path, entry.Value,
                "expected one YAML value"));
            return null;
        }

        var value = stream.Documents[0].RootNode;
        var anchors = AnchorCheck.Find(value, SetOverride.Source);
        problems.AddRange(anchors.Select(problem => problem with { Line = null, Path = entry.Path }));
        return anchors.Count > 0 ? null : value;
    }
}
