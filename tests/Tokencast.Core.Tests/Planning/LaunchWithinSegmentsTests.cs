using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;
using static Tokencast.Core.Tests.Planning.CompilerScenarios;

namespace Tokencast.Core.Tests.Planning;

public class LaunchWithinSegmentsTests
{
    // gpt-4o until 10 January, gpt-4o-mini from then on, but the feature only launches on 20 January: every
    // January task happens after the swap, so nothing may be billed to gpt-4o.
    private const string SwapBeforeLaunch = """
        features:
          - id: chat
            model: gpt-4o
            input_tokens: 400
            output_tokens: 200
        cohorts:
          - id: all
            users: 1000
            monthly_growth: 0
            features:
              chat: {adoption: 1, tasks_per_active_user: 30, launch: 2027-01-20}
        events:
          - {date: 2027-01-10, kind: model_swap, feature: chat, model: gpt-4o-mini}
        """;

    [Fact]
    public void Forecast_SwapBeforeLaunch_BillsOnlyNewModel()
    {
        var plan = Compile(SwapBeforeLaunch);

        var branch = new ForecastEngine(plan, new EngineOptions(Trials: 50, Seed: 3)).Run().Branches[0];

        var old = branch.Models.Single(m => m.Name == "gpt-4o").Monthly[0].Band;
        var mini = branch.Models.Single(m => m.Name == "gpt-4o-mini").Monthly[0].Band;
        Assert.Equal(0, old.Mean);
        Assert.True(mini.Mean > 0);
    }

    [Fact]
    public void Compile_LaunchMonth_RecordsDaysBeforeLaunch()
    {
        var use = Assert.Single(Compile(SwapBeforeLaunch).Branches).Cohorts[0].Features[0]!;

        // 19 of January's 31 days pass before the launch on the 20th; February is live throughout.
        Assert.Equal(19.0 / 31, use.LiveFrom![0], 12);
        Assert.Equal(0, use.LiveFrom[1]);
        Assert.Equal(12.0 / 31, use.AvailableShare[0], 12);
    }

    [Fact]
    public void Compile_RampWithoutLaunch_StartsAtFirstMonth()
    {
        const string body = """
            features:
              - id: chat
                model: gpt-4o
                input_tokens: 400
                output_tokens: 200
            cohorts:
              - id: all
                users: 1000
                monthly_growth: 0
                features:
                  chat: {adoption: 1, tasks_per_active_user: 30, ramp_months: 4}
            """;

        var use = Assert.Single(Compile(body).Branches).Cohorts[0].Features[0]!;

        // A 4-month ramp from the first month: 1/4, 2/4, 3/4, then full adoption.
        Assert.Equal([0.25, 0.5, 0.75, 1.0, 1.0], use.AvailableShare.Take(5));
    }
}
