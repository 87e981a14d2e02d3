using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public class BranchOverlayTests
{
    private static readonly ScenarioDocument Example = ScenarioReader.ReadFile(ScenarioFiles.ExamplePath);

    [Fact]
    public void Growth_SetsCohortValues_AndNothingElse()
    {
        var growth = Example.FindBranch("growth")!.Scenario;
        var baseSmb = Example.Base.FindCohort("smb")!;
        var smb = growth.FindCohort("smb")!;

        Assert.Equal(0.06, smb.MonthlyGrowth.Parameters["mean"]);
        Assert.Equal(0.55, smb.Features[0].Adoption.Parameters["value"]);
        Assert.Equal(baseSmb.Users.Written, smb.Users.Written);
        Assert.Equal(baseSmb.Features[1].Adoption.Written, smb.Features[1].Adoption.Written);
        Assert.Equal(Example.Base.FindCohort("enterprise")!.Users.Written, growth.FindCohort("enterprise")!.Users.Written);
        Assert.Equal(Example.Base.Events.Count, growth.Events.Count);
        Assert.Equal(Example.Base.Features.Count, growth.Features.Count);
    }

    [Fact]
    public void Growth_ListsAssumptionsWithBaseAndBranchValues()
    {
        var assumptions = Example.FindBranch("growth")!.Assumptions;

        Assert.Equal(2, assumptions.Count);
        Assert.Equal(
            new BranchAssumption("cohorts.smb.monthly_growth", "{normal: {mean: 0.03, sd: 0.01}}",
                "{normal: {mean: 0.06, sd: 0.02}}", "faster adoption after the spring campaign"),
            assumptions[0]);
        Assert.Equal(
            new BranchAssumption("cohorts.smb.features.support-chat.adoption", "0.4", "0.55",
                "faster adoption after the spring campaign"),
            assumptions[1]);
    }

    [Fact]
    public void Stretch_SetsAgentSteps_AndAddsEvent()
    {
        var stretch = Example.FindBranch("stretch")!;
        var steps = stretch.Scenario.FindFeature("code-review")!.Agent!.Steps;

        Assert.Equal(12, steps.Parameters["lambda"]);
        Assert.Equal(6, Example.Base.FindFeature("code-review")!.Agent!.Steps.Parameters["lambda"]);
        Assert.Equal(Example.Base.Events.Count + 1, stretch.Scenario.Events.Count);
        var added = Assert.IsType<ModelSwapEvent>(stretch.Scenario.Events[^1]);
        Assert.Equal(new DateOnly(2027, 3, 1), added.Date);
        Assert.Equal("add_events[0]", stretch.Assumptions[^1].Path);
    }

    [Fact]
    public void Baseline_WithoutSet_EqualsBase()
    {
        var baseline = Example.FindBranch("baseline")!;

        Assert.Empty(baseline.Assumptions);
        Assert.Equal("the plan as agreed", baseline.Description);
        Assert.Equal(Example.Base.Features.Count, baseline.Scenario.Features.Count);
        Assert.Empty(baseline.Scenario.Branches);
    }

    [Fact]
    public void Branch_SetModel_ChangesOnlyThatFeature()
    {
        var text = ScenarioFiles.Minimal + """

            branches:
              stretch:
                set:
                  features.chat.model: gpt-4o
            """;

        var document = ScenarioFiles.Read(text);
        var stretch = document.FindBranch("stretch")!.Scenario;

        Assert.Equal("gpt-4o", stretch.Features[0].Model);
        Assert.Equal("claude-haiku-4-5", document.Base.Features[0].Model);
        Assert.Equal(document.Base.Features[0].InputTokens.Written, stretch.Features[0].InputTokens.Written);
        Assert.Contains(stretch.CatalogModelReferences, r => r.ModelKey == "gpt-4o" && r.Source.Line == 18);
    }

    [Fact]
    public void Branch_SetKeyMissingInBase_CreatesIt()
    {
        var text = ScenarioFiles.Minimal + """

            branches:
              stretch:
                set:
                  features.chat.agent.steps: {poisson: {mean: 12, min: 1}}
            """;

        var stretch = ScenarioFiles.Read(text).FindBranch("stretch")!;

        Assert.Equal(12, stretch.Scenario.Features[0].Agent!.Steps.Parameters["lambda"]);
        Assert.Equal("(not set)", stretch.Assumptions[0].BaseValue);
    }

    [Fact]
    public void Branch_UnknownCohortId_ReportsPathAsWritten()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.Minimal + """

            branches:
              growth:
                set:
                  cohorts.smbb.users: 2000
            """));

        Assert.Equal("branches.growth.set.cohorts.smbb.users", problem.Path);
        Assert.Equal("smbb", problem.Value);
        Assert.Equal(18, problem.Line);
        Assert.Contains("did you mean 'smb'?", problem.Message, StringComparison.Ordinal);
    }

    // The branch creates agent: {stepz: 4}, which has an unknown key and lacks the required steps.
    [Fact]
    public void Branch_UnknownKey_ReportsPathAsWritten()
    {
        var problems = ScenarioFiles.Problems(ScenarioFiles.Minimal + """

            branches:
              growth:
                set:
                  features.chat.agent.stepz: 4
            """);

        Assert.Equal(2, problems.Count);
        Assert.Equal("branches.growth.set.features.chat.agent.stepz", problems[0].Path);
        Assert.Equal(18, problems[0].Line);
        Assert.Contains("did you mean 'steps'?", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("features[0].agent.steps", problems[1].Path);
        Assert.Equal(18, problems[1].Line);
    }

    [Fact]
    public void Branch_InvalidValue_ReportsBranchLineAndPath()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.Minimal + """

            branches:
              growth:
                set:
                  cohorts.smb.features.chat.adoption: 1.5
            """));

        Assert.Equal("branches.growth.set.cohorts.smb.features.chat.adoption", problem.Path);
        Assert.Equal("1.5", problem.Value);
        Assert.Equal(18, problem.Line);
    }

    [Fact]
    public void Branch_SetIntoSingleValue_IsRejected()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.Minimal + """

            branches:
              growth:
                set:
                  features.chat.model.name: x
            """));

        Assert.Equal("branches.growth.set.features.chat.model.name", problem.Path);
        Assert.Contains("single value", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Branch_InvalidAddedEvent_ReportsBranchPath()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.Minimal + """

            branches:
              stretch:
                add_events:
                  - {date: 2027-03-01, kind: model_swap, feature: chats, model: gpt-4o}
            """));

        Assert.Equal("branches.stretch.add_events[0].feature", problem.Path);
        Assert.Equal("chats", problem.Value);
        Assert.Equal(18, problem.Line);
    }

    [Fact]
    public void Branches_WithoutStretch_WarnButAreValid()
    {
        var document = ScenarioFiles.Read(ScenarioFiles.Minimal + """

            branches:
              baseline: {}
              growth: {description: more users, set: {cohorts.smb.users: 2000}}
            """);

        var warning = Assert.Single(document.Warnings);
        Assert.Equal("branches", warning.Path);
        Assert.Contains("no stretch branch", warning.Message, StringComparison.Ordinal);
        Assert.Equal(["baseline", "growth"], document.Branches.Select(b => b.Name));
        Assert.Equal(2000, document.FindBranch("growth")!.Scenario.Cohorts[0].Users.Parameters["value"]);
    }
}
