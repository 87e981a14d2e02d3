using System.Text.Json;
using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

public sealed class LeversCommandTests : IDisposable
{
    private readonly LeverScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Output, string Error) Run(params string[] args) =>
        LeverScenarioFolder.Run(LeversCommand.Invoke, [_folder.ScenarioPath, .. args]);

    [Fact]
    public void Levers_Table_ListsPointsKneeAndMoves()
    {
        var (exitCode, output, error) = Run();

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("feature chat", output, StringComparison.Ordinal);
        Assert.Contains("$0.002000", output, StringComparison.Ordinal);
        Assert.Contains("0.850 [0.767, 0.907]", output, StringComparison.Ordinal);
        Assert.Contains("knee: variant=short", output, StringComparison.Ordinal);
        Assert.Contains("to the knee, variant=short: cost -$0.000800 per task (-40.0%), quality -0.050", output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Levers_Csv_OneRowPerPointAndMove()
    {
        var (exitCode, output, _) = Run("--format", "csv");

        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.StartsWith("feature,record,label,kind,current,", lines[0], StringComparison.Ordinal);
        Assert.Contains("chat,point,model=big,model_tier,true,true,false,0.002,0.002,0.002,0.002,0.9,", output,
            StringComparison.Ordinal);
        Assert.Contains("chat,point,variant=short,variant,false,true,true,0.0012,", output, StringComparison.Ordinal);
        Assert.Contains("chat,move_to_knee,variant=short,", output, StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void Levers_Json_CarriesSameData()
    {
        var (exitCode, output, _) = Run("--format", "json");

        using var json = JsonDocument.Parse(output);
        var feature = json.RootElement.GetProperty("features")[0];
        Assert.Equal(0, exitCode);
        Assert.Equal("chat", feature.GetProperty("feature").GetString());
        Assert.Equal(3, feature.GetProperty("points").GetArrayLength());
        Assert.Equal("variant=short", feature.GetProperty("knee").GetString());
        var toKnee = feature.GetProperty("moves").GetProperty("to_knee");
        Assert.Equal(-0.0008, toKnee.GetProperty("cost_delta_usd").GetDouble(), 12);
        var big = feature.GetProperty("points")[0];
        Assert.Equal(0.002, big.GetProperty("cost_per_task_usd").GetProperty("p50").GetDouble(), 12);
        Assert.True(big.GetProperty("current").GetBoolean());
    }

    [Fact]
    public void Levers_Out_WritesCsvJsonAndChart()
    {
        var directory = Path.Combine(_folder.Root, "out");

        var (exitCode, _, _) = Run("--out", directory);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(Path.Combine(directory, "levers.csv")));
        Assert.True(File.Exists(Path.Combine(directory, "levers.json")));
        var svg = File.ReadAllText(Path.Combine(directory, "levers-chat.svg"));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("<polyline", svg, StringComparison.Ordinal);
        Assert.Contains(">variant=short</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_WithEvals_AddsQualitySection()
    {
        var directory = Path.Combine(_folder.Root, "forecast");

        var (exitCode, _, error) = LeverScenarioFolder.Run(
            (args, output, err) => ForecastCommand.Run(
                new ForecastSettings(args[0], [], 50, 1, OutputDirectory: directory), output, err),
            [_folder.ScenarioPath]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var report = File.ReadAllText(Path.Combine(directory, "report.html"));
        Assert.Contains("<h2>Quality and cost per feature</h2>", report, StringComparison.Ordinal);
        Assert.Contains("Operating points of chat", report, StringComparison.Ordinal);
        Assert.Contains("<polyline", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "levers.csv")));
        Assert.True(File.Exists(Path.Combine(directory, "levers.json")));
        Assert.True(File.Exists(Path.Combine(directory, "levers-chat.svg")));
    }

    [Fact]
    public void Levers_UnknownFeature_ExitsOne()
    {
        var (exitCode, _, error) = Run("--feature", "nope");

        Assert.Equal(1, exitCode);
        Assert.Contains("feature not found; the scenario has: chat (value: nope)", error, StringComparison.Ordinal);
    }
}
