using Tokencast.Core.Simulation;
using static Tokencast.Core.Tests.Planning.CompilerScenarios;

namespace Tokencast.Core.Tests.Planning;

public class ScenarioCompilerTimelineTests
{
    private const string TwoCohorts = """
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
          - id: ent
            users: 200
            features:
              chat: {adoption: 0.6, tasks_per_active_user: 50}

        """;

    [Fact]
    public void Compile_ModelSwapMidMonth_SplitsMonthIntoTwoRegimes()
    {
        var feature = CompileFeature(ChatFeature + """
            events:
              - {date: 2027-04-15, kind: model_swap, feature: chat, model: flagship, token_efficiency: 0.85}
            """);

        // April 2027 is month 3 and has 30 days: 1-14 April (14 days) on haiku, 15-30 April (16 days)
        // on sonnet.
        Assert.Equal(2, feature.Regimes.Count);
        Assert.Equal([new MonthSegment(0, 1)], feature.Months[2]);
        Assert.Equal(2, feature.Months[3].Count);
        Assert.Equal(0, feature.Months[3][0].Regime);
        Assert.Equal(14.0 / 30, feature.Months[3][0].ShareOfMonth, 12);
        Assert.Equal(1, feature.Months[3][1].Regime);
        Assert.Equal(16.0 / 30, feature.Months[3][1].ShareOfMonth, 12);
        for (var m = 4; m < 12; m++)
        {
            Assert.Equal([new MonthSegment(1, 1)], feature.Months[m]);
        }

        var before = feature.Regimes[0].Model.Model;
        var after = feature.Regimes[1].Model.Model;
        Assert.Equal("claude-haiku-4-5", before.Prices.Model);
        Assert.Equal(1.0, before.TokenEfficiency);
        Assert.Equal("claude-sonnet-4-5", after.Prices.Model);
        Assert.Equal(0.85, after.TokenEfficiency);
    }

    [Fact]
    public void Compile_PromptChange_ChangesSystemPromptFromItsDate()
    {
        var feature = CompileFeature("""
            features:
              - id: chat
                model: small
                system_prompt_tokens: 1000
                tool_definition_tokens: 500
                input_tokens: 400
                output_tokens: 200
            events:
              - {date: 2027-03-01, kind: prompt_change, feature: chat, system_prompt_tokens: 1800}
            """);

        // The change falls on the first day of March (month 2), so no month is split.
        Assert.Equal(2, feature.Regimes.Count);
        Assert.Equal([new MonthSegment(0, 1)], feature.Months[1]);
        Assert.Equal([new MonthSegment(1, 1)], feature.Months[2]);
        Assert.Equal(1000, feature.Regimes[0].Model.SystemPromptTokens);
        Assert.Equal(1800, feature.Regimes[1].Model.SystemPromptTokens);
        Assert.Equal(500, feature.Regimes[1].Model.ToolDefinitionTokens);
        Assert.Equal("claude-haiku-4-5", feature.Regimes[1].Model.Model.Prices.Model);
    }

    // Expected shares of January to June 2027. March has 31 days, so a launch on 11 March leaves 21 days.
    // A ramp of 3 months gives 1/3, 2/3 and 1 from the launch month on, times the live share of that month.
    [Theory]
    [InlineData("2027-03-11", 0, new[] { 0.0, 0, 21.0 / 31, 1, 1, 1 })]
    [InlineData("2027-03-01", 3, new[] { 0.0, 0, 1.0 / 3, 2.0 / 3, 1, 1 })]
    [InlineData("2027-03-11", 3, new[] { 0.0, 0, 21.0 / 31 / 3, 2.0 / 3, 1, 1 })]
    [InlineData("2026-11-01", 3, new[] { 1.0, 1, 1, 1, 1, 1 })]
    [InlineData("2026-12-01", 3, new[] { 2.0 / 3, 1, 1, 1, 1, 1 })]
    public void Compile_LaunchAndRamp_ProrateAvailableShare(string launch, int rampMonths, double[] expected)
    {
        var plan = Compile(ChatFeature + $$"""
            cohorts:
              - id: smb
                users: 1000
                features:
                  chat:
                    adoption: 0.4
                    tasks_per_active_user: 20
                    launch: {{launch}}
                    ramp_months: {{rampMonths}}
            """);
        var shares = Assert.Single(plan.Branches[0].Cohorts).Features[0]!.AvailableShare;

        Assert.Equal(12, shares.Count);
        for (var m = 0; m < expected.Length; m++)
        {
            Assert.Equal(expected[m], shares[m], 12);
        }

        Assert.Equal(1, shares[11]);
    }

    [Fact]
    public void Compile_FeatureLaunchEvent_AppliesToListedCohortsOnly()
    {
        var plan = Compile(ChatFeature + TwoCohorts + """
            events:
              - {date: 2027-05-01, kind: feature_launch, feature: chat, cohorts: [ent]}
            """);
        var cohorts = plan.Branches[0].Cohorts;
        var smb = cohorts[0].Features[0]!.AvailableShare;
        var enterprise = cohorts[1].Features[0]!.AvailableShare;

        // The launch on 1 May 2027 (month 4) reaches only ent; smb uses chat from the start.
        Assert.Equal("smb", cohorts[0].Id);
        Assert.All(smb, share => Assert.Equal(1, share));
        Assert.Equal("ent", cohorts[1].Id);
        Assert.Equal([0.0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1], enterprise);
    }

    [Fact]
    public void Compile_FeatureLaunchEventWithoutCohorts_AppliesToEveryCohort()
    {
        var plan = Compile(ChatFeature + TwoCohorts + """
            events:
              - {date: 2027-02-15, kind: feature_launch, feature: chat}
            """);

        // February 2027 has 28 days; 15-28 February are 14 live days.
        foreach (var cohort in plan.Branches[0].Cohorts)
        {
            var shares = cohort.Features[0]!.AvailableShare;
            Assert.Equal(0, shares[0]);
            Assert.Equal(0.5, shares[1], 12);
            Assert.Equal(1, shares[2]);
        }
    }

    [Fact]
    public void Compile_CohortWithoutFeature_HasNullUse()
    {
        var plan = Compile("""
            features:
              - {id: chat, model: small, input_tokens: 400, output_tokens: 200}
              - {id: summarize, model: small, input_tokens: 3000, output_tokens: 300}
            cohorts:
              - id: smb
                users: 1000
                features:
                  summarize: {adoption: 0.4, tasks_per_active_user: 20}
            """);
        var cohort = Assert.Single(plan.Branches[0].Cohorts);

        Assert.Equal(2, cohort.Features.Count);
        Assert.Null(cohort.Features[0]);
        Assert.NotNull(cohort.Features[1]);
    }

    [Fact]
    public void Compile_PriceTrends_CoverTheirModelLines()
    {
        var plan = Compile("""
            features:
              - {id: chat, model: small, input_tokens: 400, output_tokens: 200}
              - {id: summarize, model: gpt-4o-mini, input_tokens: 3000, output_tokens: 300}
            events:
              - {date: 2027-01-01, kind: price_trend, model: "*", monthly_change: -0.02}
              - {date: 2026-11-01, kind: price_trend, model: small, monthly_change: -0.01}
              - {date: 2027-07-01, kind: price_trend, model: gpt-4o-mini, monthly_change: 0.01}
            """);
        var branch = plan.Branches[0];
        var trends = branch.PriceTrends;

        // Cost lines: haiku (chat), gpt-4o-mini (summarize), then tool execution and human escalation.
        // "*" covers both model lines but not the two non-model lines. November 2026 is two months before
        // the start month, and July 2027 is month 6.
        Assert.Equal(3, trends.Count);
        Assert.Equal([0, 1], trends[0].CostLines);
        Assert.Equal(0, trends[0].FirstMonth);
        Assert.Equal("events[0]", trends[0].Id);
        Assert.Equal([0], trends[1].CostLines);
        Assert.Equal(-2, trends[1].FirstMonth);
        Assert.Equal([1], trends[2].CostLines);
        Assert.Equal(6, trends[2].FirstMonth);
        Assert.Equal("gpt-4o-mini", branch.CostLines[1]);
    }
}
