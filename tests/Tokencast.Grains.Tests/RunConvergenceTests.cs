using System.Collections.Immutable;
using System.Text.Json;
using Tokencast.Core.Forecasting;
using Tokencast.Grains.Hosting;
using Tokencast.Grains.Runs;

namespace Tokencast.Grains.Tests;

public class RunConvergenceTests
{
    // The example's partial bands reach a largest relative error of about 0.05 after 1,000 trials and
    // 0.03 after 3,000 (measured once on one silo with seed 7 and blocks of 100), so 0.1 is met early,
    // 0.045 about a third of the way into 5,000 trials, and 1e-6 never.
    [Fact]
    public async Task Run_ToleranceMet_RecordsConvergedAtTrials()
    {
        var definition = TestClusters.Example(trials: 1000, blockSize: 100) with { Tolerance = 0.1 };
        await using var cluster = await TestClusters.StartAsync(1);

        var result = await new ForecastRunner(cluster.Client).RunAsync(definition);
        var status = await cluster.Client.GetGrain<IRunGrain>(definition.ForecastId()).GetStatus();

        Assert.Equal(1000, result.Trials);
        Assert.Equal(RunState.Completed, status.State);
        Assert.Equal(0.1, status.Tolerance);
        Assert.NotNull(status.ConvergedAtTrials);
        Assert.InRange(status.ConvergedAtTrials.Value, 1, 1000);
        Assert.Equal(result.Scenario, status.Scenario);
    }

    [Fact]
    public async Task Run_TinyTolerance_NeverConverges()
    {
        var definition = TestClusters.Example(trials: 300, blockSize: 100)
            with { Tolerance = 1e-6, StopWhenConverged = true };
        await using var cluster = await TestClusters.StartAsync(1);

        var result = await new ForecastRunner(cluster.Client).RunAsync(definition);
        var status = await cluster.Client.GetGrain<IRunGrain>(definition.ForecastId()).GetStatus();

        Assert.Equal(300, result.Trials);
        Assert.Equal(300, status.TrialsDone);
        Assert.Null(status.ConvergedAtTrials);
    }

    [Fact]
    public async Task Run_StopWhenConverged_MatchesEngineAtItsTrials()
    {
        var definition = TestClusters.Example(trials: 5000, blockSize: 100)
            with { Tolerance = 0.045, StopWhenConverged = true };
        var plan = ScenarioInputs.Compile(definition.Scenario, definition.Branches);
        await using var cluster = await TestClusters.StartAsync(1);

        var actual = await new ForecastRunner(cluster.Client).RunAsync(definition);
        var status = await cluster.Client.GetGrain<IRunGrain>(definition.ForecastId()).GetStatus();
        var options = definition.EngineOptions() with { Trials = actual.Trials, MaxDegreeOfParallelism = -1 };
        var expected = new ForecastEngine(plan, options).Run();

        Assert.InRange(actual.Trials, 1, definition.Trials - 1);
        Assert.Equal(RunState.Completed, status.State);
        Assert.Equal(actual.Trials, status.TrialsDone);
        Assert.NotNull(status.ConvergedAtTrials);
        Assert.InRange(status.ConvergedAtTrials.Value, 1, actual.Trials);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    [Fact]
    public async Task Run_Finished_UpdatesItsIndexEntry()
    {
        var definition = TestClusters.Example(trials: 400, blockSize: 100) with { Tolerance = 0.2 };
        await using var cluster = await TestClusters.StartAsync(1);
        var index = cluster.Client.GetGrain<IRunIndexGrain>(RunIndex.Key);
        var entry = new RunEntry(
            definition.ForecastId(), "assistant-platform", [], definition.Trials, definition.Seed,
            DateTimeOffset.UtcNow, RunState.Running, null);
        await index.Admit(entry, maxRunning: 1);

        await new ForecastRunner(cluster.Client).RunAsync(definition);
        var status = await cluster.Client.GetGrain<IRunGrain>(definition.ForecastId()).GetStatus();

        var listed = Assert.Single(await index.List(10));
        Assert.Equal(RunState.Completed, listed.State);
        Assert.NotNull(listed.ConvergedAtTrials);
        Assert.Equal(status.ConvergedAtTrials, listed.ConvergedAtTrials);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public async Task Start_ToleranceOutOfRange_IsRejected(double tolerance)
    {
        var definition = TestClusters.Example(trials: 64, blockSize: 64) with { Tolerance = tolerance };
        await using var cluster = await TestClusters.StartAsync(1);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => cluster.Client.GetGrain<IRunGrain>(definition.ForecastId()).Start(definition));

        Assert.Contains("tolerance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForecastId_NoTolerance_KeepsTheEarlierId()
    {
        // SHA-256 of "hash\n\n100\n7\nAggregated\n0.01", the text hashed before convergence settings
        // existed, cut to 12 bytes (computed with Python's hashlib).
        var definition = Definition() with { StopWhenConverged = true };

        Assert.Equal("84b2cda6ebfa16a20c0f32bc", definition.ForecastId());
    }

    [Fact]
    public void ForecastId_WithTolerance_HashesBothSettings()
    {
        // SHA-256 of the same text followed by "\n0.05\nstop", cut to 12 bytes.
        var stopping = Definition() with { Tolerance = 0.05, StopWhenConverged = true };
        var continuing = Definition() with { Tolerance = 0.05 };

        Assert.Equal("ee425b317e85c82528866797", stopping.ForecastId());
        Assert.NotEqual(stopping.ForecastId(), continuing.ForecastId());
    }

    private static RunDefinition Definition() => new(
        new ScenarioInput("scenario.yaml", ImmutableDictionary<string, string>.Empty, null, "hash"),
        [], 100, 7, RunMode.Aggregated, 0.01, 64);
}
