using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Tests.Forecasting;

public sealed class RunDefaultsTests
{
    [Theory]
    [InlineData(500, 800, 500)]
    [InlineData(null, 800, 800)]
    [InlineData(null, null, 2000)]
    public void TrialsFor_RequestThenScenario_ChoosesFirstGiven(int? requested, int? scenario, int expected) =>
        Assert.Equal(expected, RunDefaults.TrialsFor(requested, scenario));

    [Theory]
    [InlineData(7ul, 9L, 7ul)]
    [InlineData(null, 9L, 9ul)]
    [InlineData(null, null, 1ul)]
    // A negative scenario seed keeps its bits: -1 is 2^64 - 1.
    [InlineData(null, -1L, ulong.MaxValue)]
    public void SeedFor_RequestThenScenario_ChoosesFirstGiven(ulong? requested, long? scenario, ulong expected) =>
        Assert.Equal(expected, RunDefaults.SeedFor(requested, scenario));
}
