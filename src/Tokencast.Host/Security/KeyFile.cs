using Tokencast.Core;

namespace Tokencast.Host.Security;

/// <summary>
/// Reads a key file: one key per line as <c>ROLE NAME KEY</c> (role <c>viewer</c> or <c>planner</c>),
/// blank lines and lines starting with <c>#</c> ignored.
/// </summary>
public static class KeyFile
{
    /// <summary>Reads the keys in <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The file is missing or a line is invalid; carries every problem.</exception>
    public static IReadOnlyList<ApiKey> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(new InputProblem(path, null, null, null, "the key file does not exist"));
        }

        return Parse(path, File.ReadAllLines(path));
    }

    /// <summary>Parses the lines of a key file named <paramref name="file"/> in messages.</summary>
    /// <exception cref="InvalidInputException">A line is invalid, or two keys share a name or a secret.</exception>
    public static IReadOnlyList<ApiKey> Parse(string file, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var keys = new List<ApiKey>();
        var problems = new List<InputProblem>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3)
            {
                problems.Add(new InputProblem(file, number, null, null,
                    $"has {fields.Length} fields; write ROLE NAME KEY, for example: viewer finance 6f1c...(at least {ApiKey.MinimumLength} characters)"));
                continue;
            }

            var (role, name, secret) = (fields[0], fields[1], fields[2]);
            ApiRole? parsed = role switch { "viewer" => ApiRole.Viewer, "planner" => ApiRole.Planner, _ => null };
            if (parsed is null)
            {
                problems.Add(new InputProblem(file, number, "role", role, "is not a role; use viewer or planner"));
            }

            if (secret.Length < ApiKey.MinimumLength)
            {
                problems.Add(new InputProblem(file, number, "key", null,
                    $"the key of {name} is {secret.Length} characters long; a key needs at least {ApiKey.MinimumLength}"));
            }

            if (names.TryGetValue(name, out var first))
            {
                problems.Add(new InputProblem(file, number, "name", name, $"is also the name of the key on line {first}; names must differ"));
            }

            if (secrets.TryGetValue(secret, out var same))
            {
                problems.Add(new InputProblem(file, number, "key", null, $"is the same key as on line {same}; keys must differ"));
            }

            names.TryAdd(name, number);
            secrets.TryAdd(secret, number);
            if (parsed is { } value)
            {
                keys.Add(new ApiKey(name, secret, value));
            }
        }

        if (problems.Count == 0 && keys.Count == 0)
        {
            problems.Add(new InputProblem(file, null, null, null, "has no keys; write one per line as ROLE NAME KEY"));
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : keys;
    }
}
