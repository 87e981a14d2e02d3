using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public class ScenarioReaderExampleTests
{
    private static readonly ScenarioDocument Document = ScenarioReader.ReadFile(ScenarioFiles.ExamplePath);

    private static Scenario Example => Document.Base;

    [Fact]
    public void ReadFile_Example_ReadsTopLevel()
    {
        Assert.Equal("support-assistant", Example.Name);
        Assert.Equal(new DateOnly(2027, 1, 1), Example.StartMonth);
        Assert.Equal(12, Example.HorizonMonths);
        Assert.Equal(new DateOnly(2027, 12, 1), Example.EndMonth);
        Assert.Equal(20270101, Example.Seed);
        Assert.Equal(4000, Example.Trials);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "examples", "catalog.json"), Example.CatalogPath);
        Assert.Equal(Path.GetFullPath(ScenarioFiles.ExamplePath), Example.SourceFile);
    }

    [Fact]
    public void ReadFile_Example_ReadsBudgetTiersAndAliases()
    {
        var budget = Example.Budget!;
        Assert.Equal(40000m, budget.MonthlyUsd);
        Assert.Equal(30000m, budget.LimitFor(new DateOnly(2027, 1, 1)));
        Assert.Equal(40000m, budget.LimitFor(new DateOnly(2027, 2, 1)));
        Assert.Equal(450000m, budget.TotalUsd);
        Assert.Equal("claude-sonnet-4-5", Example.Tiers["flagship"]);
        Assert.Equal("claude-haiku-4-5", Example.Tiers["budget"]);
        var alias = Assert.Single(Example.Aliases);
        Assert.Equal("sonnet-latest", alias.Alias);
        Assert.Equal(new DateOnly(2027, 3, 1), alias.From);
    }

    [Fact]
    public void ReadFile_Example_ReadsPricesAsDecimal()
    {
        var price = Assert.Single(Example.Prices);
        Assert.Equal("my-finetune", price.Model);
        Assert.Equal(new DateOnly(2027, 1, 1), price.Effective);
        Assert.Equal(1.0m, price.Prices.InputPerMtok);
        Assert.Equal(4.0m, price.Prices.OutputPerMtok);
        Assert.Equal(0.1m, price.Prices.CacheReadPerMtok);
        Assert.Equal(1.25m, price.Prices.CacheWrite5mPerMtok);
        Assert.Equal(2.0m, price.Prices.CacheWrite1hPerMtok);
        Assert.Equal(4.0m, price.Prices.ReasoningPerMtok);
        Assert.Equal(0m, price.PerRequestUsd);
        Assert.Equal(200000, price.LongContext!.AboveTokens);
        Assert.Equal(2.0m, price.LongContext.Prices.InputPerMtok);
        Assert.Equal(0.5m, price.Batch!.InputPerMtok);
    }

    [Fact]
    public void ReadFile_Example_ReadsChatFeature()
    {
        var chat = Example.FindFeature("support-chat")!;
        Assert.Equal("flagship", chat.Model);
        Assert.Equal(ServiceTier.Standard, chat.ServiceTier);
        Assert.Equal(1200, chat.SystemPromptTokens);
        Assert.Equal(300, chat.ToolDefinitionTokens);
        Assert.Equal(TokenDistributionKind.LogNormal, chat.InputTokens.Kind);
        Assert.Equal(4096, chat.OutputTokens.Max);
        Assert.Equal(CountDistributionKind.Geometric, chat.Conversation!.Turns.Kind);
        Assert.Equal(40, chat.Conversation.Turns.Max);
        Assert.True(chat.Conversation.ResendHistory);
        Assert.Equal(new CacheSpec(CachePrefix.SystemToolsAndHistory, 0.8, CacheWriteTtl.FiveMinutes,
            chat.Cache!.Source), chat.Cache);
        Assert.Equal("budget", chat.Routing!.Cascade.Cheap);
        Assert.Equal("flagship", chat.Routing.Cascade.Strong);
        Assert.Equal(0.25, chat.Routing.Cascade.EscalationRate);
    }

    [Fact]
    public void ReadFile_Example_ReadsAgentFeature()
    {
        var review = Example.FindFeature("code-review")!;
        var agent = review.Agent!;
        Assert.Equal(ServiceTier.Priority, review.ServiceTier);
        Assert.Equal(CountDistributionKind.Poisson, agent.Steps.Kind);
        Assert.Equal(6, agent.Steps.Parameters["lambda"]);
        Assert.Equal(1, agent.Steps.Min);
        Assert.Equal(CountDistributionKind.NegativeBinomial, agent.ToolCallsPerStep.Kind);
        Assert.Equal(TokenDistributionKind.LogNormalPareto, agent.ToolOutputTokens.Kind);
        Assert.Equal(0.08, agent.RetryProbability);
        Assert.Equal(3, agent.MaxAttempts);
        Assert.Equal(0.2, agent.ReflectionProbability);
        Assert.Equal(300, agent.ReflectionOutputTokens.Parameters["value"]);
        Assert.Equal(0.0005, agent.ToolCostUsd);
        Assert.Equal(0.01, agent.HumanEscalationProbability);
        Assert.Equal(4.0, agent.HumanEscalationCostUsd);
        Assert.Equal(6.0, review.ReasoningTokens.Parameters["mu"]);
        Assert.Equal(1.1, review.ReasoningTokens.Parameters["sigma"]);
    }

    [Fact]
    public void ReadFile_Example_ReadsConfidenceCascade()
    {
        var cascade = Example.FindFeature("ticket-summary")!.Routing!.Cascade;
        Assert.Null(cascade.EscalationRate);
        Assert.Equal(UncertainDistributionKind.Beta, cascade.Confidence!.Kind);
        Assert.Equal(0.6, cascade.Threshold);
    }

    [Fact]
    public void ReadFile_Example_ReadsCohorts()
    {
        var smb = Example.FindCohort("smb")!;
        Assert.Equal(12000, smb.Users.Parameters["value"]);
        Assert.Equal(UncertainDistributionKind.Normal, smb.MonthlyGrowth.Kind);
        Assert.Equal(0.03, smb.MonthlyGrowth.Parameters["mean"]);
        Assert.Equal(0.4, smb.Features[0].Adoption.Parameters["value"]);
        Assert.Equal(UncertainDistributionKind.Triangular, smb.Features[0].TasksPerActiveUser.Kind);

        var review = Example.FindCohort("enterprise")!.Features.Single();
        Assert.Equal(UncertainDistributionKind.Pert, Example.FindCohort("enterprise")!.Users.Kind);
        Assert.Equal("code-review", review.FeatureId);
        Assert.Equal(new DateOnly(2027, 3, 1), review.Launch);
        Assert.Equal(3, review.RampMonths);
    }

    [Fact]
    public void ReadFile_Example_ReadsEveryEventKind()
    {
        var events = Example.Events;
        var swap = Assert.IsType<ModelSwapEvent>(events[0]);
        Assert.Equal(0.85, swap.TokenEfficiency);
        var prompt = Assert.IsType<PromptChangeEvent>(events[1]);
        Assert.Equal(2400, prompt.SystemPromptTokens);
        var price = Assert.IsType<PriceChangeEvent>(events[2]);
        Assert.Equal(new DateOnly(2027, 6, 1), price.Price.Effective);
        Assert.Equal(12m, price.Price.Prices.OutputPerMtok);
        var trend = Assert.IsType<PriceTrendEvent>(events[3]);
        Assert.Equal(PriceTrendEvent.AllModels, trend.Model);
        Assert.Equal(-0.03, trend.MonthlyChange.Parameters["min"]);
        var launch = Assert.IsType<FeatureLaunchEvent>(events[4]);
        Assert.Equal(["enterprise"], launch.Cohorts);
    }

    [Fact]
    public void ReadFile_Example_ListsCatalogReferencesWithLines()
    {
        var references = Example.CatalogModelReferences;
        var keys = references.Select(r => r.ModelKey).Distinct().Order().ToList();
        Assert.Equal(["claude-haiku-4-5", "claude-sonnet-4-5", "gpt-4o", "gpt-4o-mini"], keys);
        var gpt4o = references.First(r => r.ModelKey == "gpt-4o");
        Assert.Equal(58, gpt4o.Source.Line);
        Assert.Equal("features[1].model", gpt4o.Source.Path);
    }

    [Fact]
    public void ReadFile_Example_KeepsSourceLines()
    {
        // A block mapping starts at its first key: agent: is on line 63, its steps key on line 64.
        var agent = Example.FindFeature("code-review")!.Agent!;
        Assert.Equal(64, agent.Source.Line);
        Assert.Equal("features[1].agent", agent.Source.Path);
        Assert.Equal(10, Example.Budget!.Source.Line);
    }

    [Fact]
    public void ReadFile_Example_HasNoWarnings() => Assert.Empty(Document.Warnings);
}
