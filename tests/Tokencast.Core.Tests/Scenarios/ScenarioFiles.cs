using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

/// <summary>Scenario texts and files shared by the reader tests.</summary>
internal static class ScenarioFiles
{
    public static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "examples",
        "scenario-reference-example.yaml");

    /// <summary>A valid scenario of 14 lines; tests replace one line to introduce a single problem.</summary>
    public const string Minimal = """
        name: minimal
        start_month: 2027-01
        horizon_months: 12
        features:
          - id: chat
            model: claude-haiku-4-5
            input_tokens: {lognormal: {median: 400, p95: 3000}}
            output_tokens: 250
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
        events: []
        """;

    public static ScenarioDocument Read(string text) => ScenarioReader.Read(text, "test.yaml", AppContext.BaseDirectory);

    /// <summary>Reads text that must be invalid and returns its problems.</summary>
    public static IReadOnlyList<InputProblem> Problems(string text) =>
        Assert.Throws<InvalidInputException>(() => Read(text)).Problems;

    /// <summary>Returns <see cref="Minimal"/> with the line that starts with <paramref name="start"/> replaced.</summary>
    public static string MinimalWith(string start, string replacement)
    {
        var lines = Minimal.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(start, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line starts with {start}");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }
}
