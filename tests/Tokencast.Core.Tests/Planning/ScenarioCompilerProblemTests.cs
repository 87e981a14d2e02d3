using static Tokencast.Core.Tests.Planning.CompilerScenarios;

namespace Tokencast.Core.Tests.Planning;

public class ScenarioCompilerProblemTests
{
    // Lines 1-4 are the header. chat names a misspelt model on line 7, and summarize caches on gpt-4, which
    // has no cache read price, on line 11. report, from line 15, requests batch prices that haiku lacks.
    private const string ThreeBadFeatures = """
        features:
          - id: chat
            model: claude-sonet-4-5
            input_tokens: 400
            output_tokens: 200
          - id: summarize
            model: gpt-4
            input_tokens: 400
            output_tokens: 200
            cache: {hit_rate: 0.5}
          - id: report
            service_tier: batch
            model: small
            input_tokens: 400
            output_tokens: 200
        """;

    [Fact]
    public void Compile_SeveralProblems_ReportsAllAtOnce()
    {
        var problems = Problems(ThreeBadFeatures, "baseline", "grwth");

        Assert.Contains(problems, p => p.Path == "branches");
        Assert.Contains(problems, p => p.Path == "features[0].model");
        Assert.Contains(problems, p => p.Path == "features[1].model");
        Assert.Contains(problems, p => p.Path == "features[2].model");
        Assert.All(problems, p => Assert.Equal("test.yaml", p.File));
    }

    [Fact]
    public void Compile_UnknownModel_ReportsPathAndSuggestions()
    {
        var problem = Assert.Single(Problems(ThreeBadFeatures), p => p.Path == "features[0].model");

        Assert.Equal("test.yaml", problem.File);
        Assert.Equal(7, problem.Line);
        Assert.Equal("claude-sonet-4-5", problem.Value);
        Assert.Contains("is not in the price catalog", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean claude-sonnet-4-5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CacheWithoutCacheReadPrice_ReportsModel()
    {
        var problems = Problems(ThreeBadFeatures).Where(p => p.Path == "features[1].model").ToList();

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(11, p.Line));
        Assert.All(problems, p => Assert.Equal("gpt-4", p.Value));
        Assert.Contains(problems, p => p.Message ==
            "model gpt-4 has no cache read price for the standard service tier; add it under prices: in the "
            + "scenario or pick a model that has one");
    }

    [Fact]
    public void Compile_BatchTierWithoutBatchPrices_ReportsModel()
    {
        var problems = Problems(ThreeBadFeatures).Where(p => p.Path == "features[2].model").ToList();

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("claude-haiku-4-5", p.Value));
        // The model is named by a tier, whose use has no recorded line, so the feature's first line is given.
        Assert.All(problems, p => Assert.Equal(15, p.Line));
        const string inputPriceMissing = "model claude-haiku-4-5 has no input price for the batch service tier";
        Assert.Contains(problems, p => p.Message.StartsWith(inputPriceMissing, StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_UnknownBranch_NamesExistingBranches()
    {
        var problem = Assert.Single(Problems(ChatFeature, "grwth"));

        Assert.Equal("branches", problem.Path);
        Assert.Equal("grwth", problem.Value);
        Assert.Equal("branch not found; the scenario has: baseline", problem.Message);
    }

    [Fact]
    public void Compile_UnknownModelInCascade_ReportsCascadePath()
    {
        var problem = Assert.Single(Problems("""
            features:
              - id: triage
                input_tokens: 400
                output_tokens: 200
                routing: {cascade: {cheap: small, strong: claude-opus-9, escalation_rate: 0.2}}
            """));

        Assert.Equal("features[0].routing.cascade.strong", problem.Path);
        Assert.Equal("claude-opus-9", problem.Value);
    }

    [Fact]
    public void Compile_UnknownCheapModel_ReportsCheapPath()
    {
        var problem = Assert.Single(Problems("""
            features:
              - id: triage
                input_tokens: 400
                output_tokens: 200
                routing:
                  cascade: {cheap: claude-haiku-9, strong: flagship, escalation_rate: 0.2}
            """));

        Assert.Equal("features[0].routing.cascade.cheap", problem.Path);
        Assert.Equal("claude-haiku-9", problem.Value);
    }

    [Fact]
    public void Compile_SwapToUnknownModel_ReportsEventLine()
    {
        var problem = Assert.Single(Problems(ChatFeature + """
            events:
              - {date: 2027-04-15, kind: model_swap, feature: chat, model: claude-sonet-4-5}
            """));

        Assert.Equal("events[0].model", problem.Path);
        Assert.Equal(11, problem.Line);
        Assert.Equal("claude-sonet-4-5", problem.Value);
    }

    [Fact]
    public void Compile_UnknownModelInBranch_ReportsOnce()
    {
        var problem = Assert.Single(Problems(ChatFeature + """
            branches:
              baseline: {}
              stretch:
                set:
                  features.chat.model: claude-sonet-4-5
            """));

        Assert.Equal("features[0].model", problem.Path);
        Assert.Equal(14, problem.Line);
        Assert.Equal("claude-sonet-4-5", problem.Value);
    }

    [Fact]
    public void Compile_TrendOnUnknownModel_ReportsEventPath()
    {
        var problem = Assert.Single(Problems(ChatFeature + """
            events:
              - {date: 2027-01-01, kind: price_trend, model: gpt-9, monthly_change: -0.01}
            """));

        Assert.Equal("events[0].model", problem.Path);
        Assert.Equal(11, problem.Line);
        Assert.Equal("gpt-9", problem.Value);
    }

    [Fact]
    public void Compile_ModelSwapOnCascade_ReportsEvent()
    {
        // The event on line 11 swaps "the" model of a feature that has two; the compiler cannot pick one.
        const string body = """
            features:
              - id: chat
                input_tokens: 400
                output_tokens: 200
                routing: {cascade: {cheap: small, strong: flagship, escalation_rate: 0.2}}
            events:
              - {date: 2027-03-01, kind: model_swap, feature: chat, model: gpt-4o}
            """;

        var problem = Assert.Single(Problems(body));

        Assert.Equal(11, problem.Line);
        Assert.Equal("events[0]", problem.Path);
        Assert.Contains("routes through a cascade", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_OneHourWriteMissing_ReportsPriceInsteadOfInput()
    {
        // This catalog entry lists a 5-minute cache write but no 1-hour one, so a 1-hour cache cannot be
        // priced; billing the writes at the input price would make them cheaper than 5-minute writes.
        const string body = """
            features:
              - id: chat
                model: claude-4-sonnet-20250514
                input_tokens: 400
                output_tokens: 200
                cache: {hit_rate: 0.5, write_ttl: 1h}
            """;

        var problems = Problems(body);

        Assert.Contains(problems, p => p.Path == "features[0].model" && p.Message.Contains("1-hour cache write", StringComparison.Ordinal));
    }
}
