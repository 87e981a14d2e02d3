using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public class ScenarioReaderProblemTests
{
    [Fact]
    public void Read_Minimal_IsValid()
    {
        var document = ScenarioFiles.Read(ScenarioFiles.Minimal);
        Assert.Equal("minimal", document.Base.Name);
        var branch = Assert.Single(document.Branches);
        Assert.Equal("baseline", branch.Name);
        Assert.Empty(branch.Assumptions);
    }

    // Each row replaces one line of the minimal scenario and names the line, path and value of the one problem.
    [Theory]
    [InlineData("horizon_months:", "horizon_months: 121", 3, "horizon_months", "121", "from 1 to 120")]
    [InlineData("horizon_months:", "horizon_months: 12\nseed: -1", 4, "seed", "-1", "from 0 to")]
    [InlineData("horizon_months:", "horizon_months: 12\ntrials: 20000000", 4, "trials", "20000000",
        "from 1 to 10,000,000")]
    [InlineData("events:", "events: []\nbranches:\n  stretch:\n    set:\n      features.chat.id: other", 18,
        "branches.stretch.set.features.chat.id", "features.chat.id", "cannot change an id")]
    [InlineData("start_month:", "start_month: 2027-1", 2, "start_month", "2027-1", "YYYY-MM")]
    [InlineData("- id: smb", "  - id: SMB", 10, "cohorts[0].id", "SMB", "invalid id")]
    [InlineData("model:", "    model: claude-haiku-4-5\n    servce_tier: batch", 7, "features[0].servce_tier",
        "servce_tier", "did you mean 'service_tier'?")]
    [InlineData("input_tokens:", "    input_tokens: {lognormal: {median: 400, p95: 400}}", 7,
        "features[0].input_tokens.lognormal.p95", "400", "greater than median")]
    [InlineData("input_tokens:", "    input_tokens: {lognormal: {mu: 5, sigma: -1}}", 7,
        "features[0].input_tokens.lognormal.sigma", "-1", "> 0")]
    [InlineData("input_tokens:", "    input_tokens: {lognormal: {median: 400, p40: 900}}", 7,
        "features[0].input_tokens.lognormal.p40", "p40", "above p50")]
    [InlineData("input_tokens:", "    input_tokens: {lognorml: {median: 400, p95: 900}}", 7,
        "features[0].input_tokens.lognorml", "lognorml", "did you mean 'lognormal'?")]
    [InlineData("output_tokens:", "    output_tokens: -3", 8, "features[0].output_tokens", "-3", "from 0 to 10,000,000")]
    [InlineData("output_tokens:", "    output_tokens: \"250\"", 8, "features[0].output_tokens", "250", "quoted")]
    [InlineData("users:", "    users: {uniform: {min: 10, max: 5}}", 11, "cohorts[0].users.uniform.max", "5",
        "at least min")]
    [InlineData("users:", "    users: {beta: {alpha: 0, beta: 2}}", 11, "cohorts[0].users.beta.alpha", "0", "> 0")]
    [InlineData("chat:", "      chat: {adoption: 1.2, tasks_per_active_user: 20}", 13,
        "cohorts[0].features.chat.adoption", "1.2", "from 0 to 1")]
    [InlineData("chat:", "      chatt: {adoption: 0.4, tasks_per_active_user: 20}", 13,
        "cohorts[0].features.chatt", "chatt", "unknown feature id (did you mean 'chat'?)")]
    [InlineData("chat:", "      chat: {adoption: 0.4, tasks_per_active_user: 20, launch: 2027-02-30}", 13,
        "cohorts[0].features.chat.launch", "2027-02-30", "YYYY-MM-DD")]
    [InlineData("events:", "events: [{date: 2027-03-01, kind: feature_launch, feature: chat, cohorts: [ent]}]",
        14, "events[0].cohorts[0]", "ent", "unknown cohort id")]
    [InlineData("events:", "events: [{date: 2027-03-01, kind: launch, feature: chat}]", 14, "events[0].kind",
        "launch", "expected one of")]
    [InlineData("events:", "events: [{date: 2027-03-01, kind: price_trend, model: \"*\"}]", 14,
        "events[0].monthly_change", null, "missing required key 'monthly_change'")]
    [InlineData("events:", "events: [{date: 2027-03-01, kind: model_swap, feature: chat}]", 14,
        "events[0].model", null, "missing required key 'model'")]
    public void Read_OneProblem_ReportsLinePathAndValue(
        string line, string replacement, long expectedLine, string expectedPath, string? expectedValue,
        string expectedMessagePart)
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.MinimalWith(line, replacement)));

        Assert.Equal("test.yaml", problem.File);
        Assert.Equal(expectedLine, problem.Line);
        Assert.Equal(expectedPath, problem.Path);
        Assert.Equal(expectedValue, problem.Value);
        Assert.Contains(expectedMessagePart, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingRequiredKey_ReportsPathAndNoValue()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.MinimalWith("output_tokens:", "")));

        Assert.Equal("features[0].output_tokens", problem.Path);
        Assert.Null(problem.Value);
        Assert.Equal(5, problem.Line);
        Assert.StartsWith("missing required key 'output_tokens'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateFeatureId_NamesFirstLine()
    {
        var text = ScenarioFiles.MinimalWith("output_tokens:", """
                output_tokens: 250
              - id: chat
                model: gpt-4o-mini
                input_tokens: 10
                output_tokens: 10
            """.TrimEnd());

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Equal("features[1].id", problem.Path);
        Assert.Equal("chat", problem.Value);
        Assert.Equal(9, problem.Line);
        Assert.Contains("first defined on line 5", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsAllInLineOrder()
    {
        var text = ScenarioFiles.MinimalWith("horizon_months:", "horizon_months: 0")
            .Replace("output_tokens: 250", "output_tokens: {poisson: {mean: 3}}", StringComparison.Ordinal)
            .Replace("adoption: 0.4", "adoption: -0.1", StringComparison.Ordinal);

        var problems = ScenarioFiles.Problems(text);

        Assert.Equal(3, problems.Count);
        Assert.Equal("horizon_months", problems[0].Path);
        Assert.Equal("features[0].output_tokens.poisson", problems[1].Path);
        Assert.Equal("cohorts[0].features.chat.adoption", problems[2].Path);
        Assert.Equal([3L, 8L, 13L], problems.Select(p => p.Line!.Value));
    }

    [Fact]
    public void Read_AgentRetryProbability_UsesListIndexInPath()
    {
        var text = ScenarioFiles.MinimalWith("output_tokens:", """
                output_tokens: 250
                agent: {steps: 4, retry_probability: 1.5, max_attempts: 0}
            """.TrimEnd());

        var problems = ScenarioFiles.Problems(text);

        Assert.Equal(2, problems.Count);
        Assert.Equal("features[0].agent.retry_probability", problems[0].Path);
        Assert.Equal("1.5", problems[0].Value);
        Assert.Equal(9, problems[0].Line);
        Assert.Equal("features[0].agent.max_attempts", problems[1].Path);
    }

    [Fact]
    public void Read_CascadeWithRateAndThreshold_IsRejected()
    {
        var text = ScenarioFiles.MinimalWith("output_tokens:", """
                output_tokens: 250
                routing: {cascade: {cheap: a, strong: b, escalation_rate: 0.2, threshold: 0.5}}
            """.TrimEnd());

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Equal("features[0].routing.cascade", problem.Path);
        Assert.Contains("not both", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidYaml_ReportsLine()
    {
        var problem = Assert.Single(ScenarioFiles.Problems("name: a\nstart_month: \"2027-01\nhorizon_months: 3\n"));

        Assert.Equal(2, problem.Line);
        Assert.StartsWith("invalid YAML or JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKey_ReportsSecondLine()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.Minimal + "\nname: again\n"));

        Assert.Equal(15, problem.Line);
        Assert.Contains("Duplicate key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedFlowList_ReportsInvalidYaml()
    {
        var problem = Assert.Single(ScenarioFiles.Problems("name: a\nstart_month: [2027-01\nhorizon_months: 3\n"));

        Assert.StartsWith("invalid YAML or JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyText_ReportsEmptyFile()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(""));

        Assert.StartsWith("file is empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModelNotTierOrAlias_IsCatalogReference()
    {
        var references = ScenarioFiles.Read(ScenarioFiles.Minimal).Base.CatalogModelReferences;

        var reference = Assert.Single(references);
        Assert.Equal("claude-haiku-4-5", reference.ModelKey);
        Assert.Equal(new SourceLocation("test.yaml", 6, "features[0].model"), reference.Source);
    }

    [Fact]
    public void Read_MisspeltTier_WarnsAndKeepsCatalogReference()
    {
        var text = "models: {flagship: claude-sonnet-4-5}\n"
            + ScenarioFiles.Minimal.Replace("model: claude-haiku-4-5", "model: flagshp", StringComparison.Ordinal);

        var document = ScenarioFiles.Read(text);

        var warning = Assert.Single(document.Warnings);
        Assert.Equal("features[0].model", warning.Path);
        Assert.Contains("did you mean 'flagship'?", warning.Message, StringComparison.Ordinal);
        Assert.Contains(document.Base.CatalogModelReferences, r => r.ModelKey == "flagshp");
    }

    [Fact]
    public void Read_BudgetMonthOutsideHorizon_Warns()
    {
        // The horizon runs from 2027-01 for 12 months, so 2028-03 can never be compared with spend.
        var text = "budget: {by_month: {2027-02: 500, 2028-03: 900}}\n" + ScenarioFiles.Minimal;

        var document = ScenarioFiles.Read(text);

        var warning = Assert.Single(document.Warnings);
        Assert.Equal("budget.by_month", warning.Path);
        Assert.Equal("2028-03", warning.Value);
        Assert.Contains("outside the forecast horizon", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PerTokenPrice_Warns()
    {
        var text = ScenarioFiles.Minimal + "\nprices: [{model: x, input_per_mtok: 0.000003, output_per_mtok: 1}]\n";

        var warning = Assert.Single(ScenarioFiles.Read(text).Warnings);

        Assert.Equal("prices[0].input_per_mtok", warning.Path);
        Assert.Contains("per million tokens", warning.Message, StringComparison.Ordinal);
    }
}
