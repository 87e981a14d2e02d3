using System.CommandLine;
using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-validate-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "examples",
        "scenario-reference-example.yaml");

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Validate_Example_PrintsSummaryAndExitsZero()
    {
        var exitCode = ValidateCommand.Run(ExamplePath, _output, _error);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            $"{ExamplePath}: valid (3 features, 2 cohorts, 5 events, branches: baseline, growth, stretch)",
            _output.ToString().TrimEnd());
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public void Validate_SchemaErrorAndUnknownModel_ReportsBothInOnePass()
    {
        var path = Write("""
            name: two-problems
            start_month: 2027-01
            horizon_months: 3
            features:
              - id: chat
                model: gpt-4o-mni
                input_tokens: 400
                output_tokens: 200
            cohorts:
              - id: all
                users: 100
                monthly_growth: 0
                features:
                  chat: {adoption: 1.5, tasks_per_active_user: 10}
            """);

        var exitCode = ValidateCommand.Run(path, _output, _error);

        var errors = _error.ToString();
        Assert.Equal(1, exitCode);
        Assert.Contains(":6: features[0].model: model 'gpt-4o-mni' is not in the price catalog", errors, StringComparison.Ordinal);
        Assert.Contains("did you mean gpt-4o-mini", errors, StringComparison.Ordinal);
        Assert.Contains(":14: cohorts[0].features.chat.adoption", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidFile_PrintsEveryProblemAndExitsOne()
    {
        var path = Write("""
            name: broken
            start_month: 2027-01
            horizon_months: 200
            features:
              - id: chat
                model: gpt-4o-mini
                input_tokens: 10
                output_tokens: 10
                agent: {steps: 3, retry_probability: 2}
            """);

        var exitCode = ValidateCommand.Run(path, _output, _error);

        var lines = _error.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(1, exitCode);
        Assert.Equal("", _output.ToString());
        Assert.Equal(2, lines.Length);
        Assert.Equal($"error: {path}:3: horizon_months: out of range; expected a whole number from 1 to 120 "
            + "(value: 200)", lines[0]);
        Assert.Equal($"error: {path}:9: features[0].agent.retry_probability: out of range; expected a number "
            + "from 0 to 1 (value: 2)", lines[1]);
    }

    [Fact]
    public void Validate_MissingBranches_WarnsAndExitsZero()
    {
        var path = Write("""
            name: partial
            start_month: 2027-01
            horizon_months: 3
            branches:
              baseline: {}
            """);

        var exitCode = ValidateCommand.Run(path, _output, _error);

        Assert.Equal(0, exitCode);
        Assert.Contains("branches: baseline)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("warning:", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("no growth, stretch branch", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_ExitsOne()
    {
        var exitCode = ValidateCommand.Run(Path.Combine(_folder, "none.yaml"), _output, _error);

        Assert.Equal(1, exitCode);
        Assert.Contains("none.yaml: file not found", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThroughCommandLine_UsesInvocationWriters()
    {
        var root = new RootCommand { ValidateCommand.Create() };
        var configuration = new InvocationConfiguration { Output = _output, Error = _error };

        var exitCode = root.Parse(["validate", ExamplePath]).Invoke(configuration);

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"{ExamplePath}: valid", _output.ToString(), StringComparison.Ordinal);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "scenario.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
