using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public sealed class EmpiricalValuesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-empirical-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadFile_ExampleCsv_LoadsColumnSkippingBlanks()
    {
        var review = ScenarioReader.ReadFile(ScenarioFiles.ExamplePath).Base.FindFeature("code-review")!;

        Assert.Equal([1200.0, 3400.0, 860.0, 15000.0], review.InputTokens.Values);
        Assert.EndsWith(Path.Combine("logs", "review-input-tokens.csv"), review.InputTokens.ValuesFile,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ExampleJsonLines_LoadsNestedColumn()
    {
        var review = ScenarioReader.ReadFile(ScenarioFiles.ExamplePath).Base.FindFeature("code-review")!;

        Assert.Equal([310.0, 420.0, 180.0], review.OutputTokens.Values);
    }

    [Fact]
    public void ReadFile_RelativePath_StartsFromScenarioFolder()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "scenarios", "data"));
        File.WriteAllText(Path.Combine(_folder, "scenarios", "data", "tokens.csv"), "tokens\n10\n20\n");
        var scenarioPath = Path.Combine(_folder, "scenarios", "s.yaml");
        File.WriteAllText(scenarioPath, ScenarioFiles.Minimal.Replace("output_tokens: 250",
            "output_tokens: {empirical: {file: data/tokens.csv, column: tokens}}", StringComparison.Ordinal));

        var tokens = ScenarioReader.ReadFile(scenarioPath).Base.Features[0].OutputTokens;

        Assert.Equal([10.0, 20.0], tokens.Values);
        Assert.Equal(Path.Combine(_folder, "scenarios", "data", "tokens.csv"), tokens.ValuesFile);
    }

    [Fact]
    public void ReadFile_MissingColumn_ReportsColumnWithSuggestion()
    {
        File.WriteAllText(Path.Combine(_folder, "tokens.csv"), "output_tokens\n10\n");
        var problem = ReadProblem("{empirical: {file: tokens.csv, column: output_token}}");

        Assert.Equal("features[0].output_tokens.empirical.column", problem.Path);
        Assert.Equal("output_token", problem.Value);
        Assert.Contains("did you mean 'output_tokens'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_MissingFile_ReportsFullPath()
    {
        var problem = ReadProblem("{empirical: {file: nope.csv, column: tokens}}");

        Assert.Equal("features[0].output_tokens.empirical.file", problem.Path);
        Assert.Equal("nope.csv", problem.Value);
        Assert.Contains(Path.Combine(_folder, "nope.csv"), problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_InvalidCells_ListsTheirLines()
    {
        File.WriteAllText(Path.Combine(_folder, "tokens.csv"), "tokens\n10\nabc\n-5\n");
        var problem = ReadProblem("{empirical: {file: tokens.csv, column: tokens}}");

        Assert.Equal("features[0].output_tokens.empirical.file", problem.Path);
        Assert.Contains("line 3: abc; line 4: -5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_InlineValues_AreStored()
    {
        var summary = ScenarioReader.ReadFile(ScenarioFiles.ExamplePath).Base.FindFeature("ticket-summary")!;

        Assert.Equal([900.0, 1500.0, 2400.0, 7000.0], summary.InputTokens.Values);
        Assert.Null(summary.InputTokens.ValuesFile);
    }

    private InputProblem ReadProblem(string outputTokens)
    {
        var scenarioPath = Path.Combine(_folder, "s.yaml");
        File.WriteAllText(scenarioPath, ScenarioFiles.Minimal.Replace("output_tokens: 250",
            $"output_tokens: {outputTokens}", StringComparison.Ordinal));
        var exception = Assert.Throws<InvalidInputException>(() => ScenarioReader.ReadFile(scenarioPath));
        var problem = Assert.Single(exception.Problems);
        Assert.Equal(8, problem.Line);
        return problem;
    }
}
