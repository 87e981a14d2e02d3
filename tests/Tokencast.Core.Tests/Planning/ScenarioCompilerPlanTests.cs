using Tokencast.Core.Planning;
using Tokencast.Core.Simulation;
using static Tokencast.Core.Tests.Planning.CompilerScenarios;

namespace Tokencast.Core.Tests.Planning;

public class ScenarioCompilerPlanTests
{
    private const string BranchScenario = ChatFeature + """
        cohorts:
          - id: smb
            users: 1000
            features:
              chat: {adoption: 0.4, tasks_per_active_user: 20}
        branches:
          baseline:
            description: the plan
          growth:
            description: twice the users
            set:
              cohorts.smb.users: 2000
          stretch:
            description: chat moves to the flagship model
            set:
              features.chat.model: flagship
        """;

    [Fact]
    public void Compile_Plan_CarriesNameAndHorizon()
    {
        var plan = Compile(ChatFeature);

        Assert.Equal("compile-test", plan.Name);
        Assert.Equal(new DateOnly(2027, 1, 1), plan.FirstMonth);
        Assert.Equal(12, plan.Months);
        Assert.Equal("baseline", Assert.Single(plan.Branches).Name);
        Assert.Equal(12, plan.Branches[0].Features[0].Months.Count);
    }

    [Fact]
    public void Compile_CostLines_ModelsInFirstUseOrderThenNonModelLines()
    {
        var branch = Assert.Single(Compile("""
            features:
              - {id: summarize, model: gpt-4o-mini, input_tokens: 3000, output_tokens: 300}
              - id: triage
                input_tokens: 400
                output_tokens: 200
                routing: {cascade: {cheap: small, strong: flagship, escalation_rate: 0.2}}
              - {id: chat, model: small, input_tokens: 400, output_tokens: 200}
            """).Branches);

        // summarize meets gpt-4o-mini first, then triage meets haiku and sonnet; chat reuses haiku.
        Assert.Equal(
            ["gpt-4o-mini", "claude-haiku-4-5", "claude-sonnet-4-5",
                ScenarioCompiler.ToolExecutionLine, ScenarioCompiler.HumanEscalationLine],
            branch.CostLines);
        Assert.Equal("tool execution", ScenarioCompiler.ToolExecutionLine);
        Assert.Equal("human escalation", ScenarioCompiler.HumanEscalationLine);

        // A single-model regime books model, tools, human; a cascade books cheap, strong, tools, human.
        Assert.Equal([0, 3, 4], Assert.Single(branch.Features[0].Regimes).CostLines);
        Assert.Equal([1, 2, 3, 4], Assert.Single(branch.Features[1].Regimes).CostLines);
        Assert.Equal([1, 3, 4], Assert.Single(branch.Features[2].Regimes).CostLines);
    }

    [Fact]
    public void Compile_Cascade_ResolvesCheapAndStrongTiers()
    {
        var feature = CompileFeature("""
            features:
              - id: triage
                input_tokens: 400
                output_tokens: 200
                routing: {cascade: {cheap: small, strong: flagship, escalation_rate: 0.2}}
            """);
        var model = Assert.Single(feature.Regimes).Model;

        Assert.NotNull(model.Cascade);
        Assert.Equal("claude-haiku-4-5", model.Cascade.Cheap.Prices.Model);
        Assert.Equal("claude-sonnet-4-5", model.Cascade.Strong.Prices.Model);
        Assert.Equal(0.2, model.Cascade.EscalationRate);
        Assert.Equal("claude-haiku-4-5", model.Model.Prices.Model);
        Assert.Equal(2, model.CalledModels().Count);
    }

    [Fact]
    public void Compile_ModelSwap_AddsNewModelLineAfterFirst()
    {
        var branch = Assert.Single(Compile(ChatFeature + """
            events:
              - {date: 2027-04-15, kind: model_swap, feature: chat, model: flagship}
            """).Branches);

        Assert.Equal(["claude-haiku-4-5", "claude-sonnet-4-5", "tool execution", "human escalation"],
            branch.CostLines);
        Assert.Equal([0, 2, 3], branch.Features[0].Regimes[0].CostLines);
        Assert.Equal([1, 2, 3], branch.Features[0].Regimes[1].CostLines);
    }

    [Fact]
    public void Compile_Budget_ByMonthOverridesMonthly()
    {
        var branch = Assert.Single(Compile(ChatFeature + """
            budget: {monthly_usd: 40000, by_month: {2027-03: 30000}, total_usd: 450000}
            """).Branches);

        // March 2027 is month 2; every other month takes the monthly amount.
        Assert.Equal(12, branch.MonthlyBudgetUsd.Count);
        Assert.Equal(40000, branch.MonthlyBudgetUsd[0]);
        Assert.Equal(40000, branch.MonthlyBudgetUsd[1]);
        Assert.Equal(30000, branch.MonthlyBudgetUsd[2]);
        Assert.Equal(40000, branch.MonthlyBudgetUsd[11]);
        Assert.Equal(450000, branch.TotalBudgetUsd);
    }

    [Fact]
    public void Compile_BudgetByMonthOnly_LeavesOtherMonthsUnset()
    {
        var branch = Assert.Single(Compile(ChatFeature + """
            budget: {by_month: {2027-12: 5000}}
            """).Branches);

        Assert.Null(branch.MonthlyBudgetUsd[0]);
        Assert.Equal(5000, branch.MonthlyBudgetUsd[11]);
        Assert.Null(branch.TotalBudgetUsd);
    }

    [Fact]
    public void Compile_NoBudget_LeavesEveryMonthUnset()
    {
        var branch = Assert.Single(Compile(ChatFeature).Branches);

        Assert.All(branch.MonthlyBudgetUsd, Assert.Null);
        Assert.Null(branch.TotalBudgetUsd);
    }

    [Fact]
    public void Compile_BranchSetModel_ChangesOnlyThatBranch()
    {
        var plan = ScenarioCompiler.Compile(Read(BranchScenario));

        Assert.Equal(["baseline", "growth", "stretch"], plan.Branches.Select(b => b.Name));
        var baseline = plan.Branches[0];
        var stretch = plan.Branches[2];
        Assert.Equal("claude-haiku-4-5", ModelOf(baseline));
        Assert.Equal("claude-haiku-4-5", ModelOf(plan.Branches[1]));
        Assert.Equal("claude-sonnet-4-5", ModelOf(stretch));
        Assert.Equal(["claude-haiku-4-5", "tool execution", "human escalation"], baseline.CostLines);
        Assert.Equal(["claude-sonnet-4-5", "tool execution", "human escalation"], stretch.CostLines);
    }

    [Fact]
    public void Compile_Branches_CarryDescriptionAndAssumptions()
    {
        var plan = ScenarioCompiler.Compile(Read(BranchScenario));
        var baseline = plan.Branches[0];
        var growth = plan.Branches[1];
        var stretch = plan.Branches[2];

        Assert.Equal("the plan", baseline.Description);
        Assert.Empty(baseline.Assumptions);
        Assert.Equal("twice the users", growth.Description);
        Assert.Equal([new BranchAssumption("cohorts.smb.users", "1000", "2000")], growth.Assumptions);
        Assert.Equal("chat moves to the flagship model", stretch.Description);
        Assert.Equal([new BranchAssumption("features.chat.model", "small", "flagship")], stretch.Assumptions);
    }

    [Fact]
    public void Compile_BranchNames_SelectsInRequestedOrder()
    {
        var plan = ScenarioCompiler.Compile(Read(BranchScenario), ["stretch", "baseline"]);

        Assert.Equal(["stretch", "baseline"], plan.Branches.Select(b => b.Name));
    }

    private static string ModelOf(BranchPlan branch) =>
        Assert.Single(branch.Features[0].Regimes).Model.Model.Prices.Model;

    [Fact]
    public void Compile_ImplicitBaseline_HasEmptyDescription()
    {
        var branch = Assert.Single(Compile(ChatFeature).Branches);

        Assert.Equal("baseline", branch.Name);
        Assert.Equal("", branch.Description);
        Assert.Empty(branch.Assumptions);
    }
}
