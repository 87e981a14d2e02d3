using System.Text.Json;
using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

public sealed class WhatIfCommandTests : IDisposable
{
    private readonly LeverScenarioFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Output, string Error) Run(params string[] args) =>
        LeverScenarioFolder.Run(WhatIfCommand.Invoke, [_folder.ScenarioPath, .. args]);

    [Fact]
    public void WhatIf_CheaperTier_PrintsChangeAndQuality()
    {
        var (exitCode, output, error) = Run("--set", "features.chat.model=small");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("set: features.chat.model=small", output, StringComparison.Ordinal);
        Assert.Contains("(-85.0%)", output, StringComparison.Ordinal);
        Assert.Contains("chat (changed)", output, StringComparison.Ordinal);
        Assert.Contains("0.900 [0.826, 0.945]", output, StringComparison.Ordinal);
        Assert.Contains("0.600 [0.502, 0.691]", output, StringComparison.Ordinal);
    }

    // Every task costs 0.002 USD before and 0.0003 USD after, so the P50 after is 0.15 of the P50 before.
    [Fact]
    public void WhatIf_Json_P50RatioIsPriceRatio()
    {
        var (exitCode, output, _) = Run("--set", "features.chat.model=small", "--format", "json");

        using var json = JsonDocument.Parse(output);
        var branch = json.RootElement.GetProperty("branches")[0];
        var before = branch.GetProperty("horizon_before_usd").GetProperty("p50").GetDouble();
        var after = branch.GetProperty("horizon_after_usd").GetProperty("p50").GetDouble();
        Assert.Equal(0, exitCode);
        Assert.Equal(0.15, after / before, 9);
        Assert.Equal(200, json.RootElement.GetProperty("trials").GetInt32());
    }

    [Fact]
    public void WhatIf_Csv_HorizonAndFeatureRows()
    {
        var (exitCode, output, _) = Run("--set", "features.chat.model=small", "--format", "csv");

        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exitCode);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("baseline,horizon,,,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("baseline,cost_per_task,chat,true,0.002,,0.002,0.002,0.0003,,0.0003,0.0003,-0.0017,0.9,",
            lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_BadPath_NamesSetAndPath()
    {
        var (exitCode, output, error) = Run("--set", "features.chat.modle=small");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("error: --set: features.chat.modle: unknown key (did you mean 'model'?)", error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_NoEquals_NamesSet()
    {
        var (exitCode, _, error) = Run("--set", "features.chat.model");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --set: expected PATH=VALUE", error, StringComparison.Ordinal);
    }
}
