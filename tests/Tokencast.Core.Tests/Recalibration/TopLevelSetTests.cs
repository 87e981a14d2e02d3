using Tokencast.Core.Scenarios;
using Tokencast.Core.Tests.Scenarios;

namespace Tokencast.Core.Tests.Recalibration;

public class TopLevelSetTests
{
    [Fact]
    public void TopLevelSet_ReplacesBaseValues()
    {
        var text = ScenarioFiles.Minimal + """

            set:
              features.chat.output_tokens: 600
              cohorts.smb.features.chat.tasks_per_active_user: 35
              start_month: 2027-03
            """;

        var document = ScenarioFiles.Read(text);

        var chat = document.Base.FindFeature("chat")!;
        Assert.Equal(TokenDistributionKind.Fixed, chat.OutputTokens.Kind);
        Assert.Equal(600, chat.OutputTokens.Parameters["value"]);
        Assert.Equal(35, document.Base.FindCohort("smb")!.Features[0].TasksPerActiveUser.Parameters["value"]);
        Assert.Equal(new DateOnly(2027, 3, 1), document.Base.StartMonth);
        Assert.Equal(600, Assert.Single(document.Branches).Scenario.FindFeature("chat")!
            .OutputTokens.Parameters["value"]);
    }

    [Fact]
    public void TopLevelSet_UnderBranch_BranchWins()
    {
        var text = ScenarioFiles.Minimal + """

            set:
              features.chat.output_tokens: 600
              cohorts.smb.users: 2000
            branches:
              baseline: {}
              growth:
                set:
                  cohorts.smb.users: 3000
            """;

        var document = ScenarioFiles.Read(text);

        var baseline = document.FindBranch("baseline")!.Scenario;
        var growth = document.FindBranch("growth")!.Scenario;
        Assert.Equal(2000, baseline.FindCohort("smb")!.Users.Parameters["value"]);
        Assert.Equal(3000, growth.FindCohort("smb")!.Users.Parameters["value"]);
        Assert.Equal(600, growth.FindFeature("chat")!.OutputTokens.Parameters["value"]);
        var assumption = Assert.Single(document.FindBranch("growth")!.Assumptions);
        Assert.Equal("2000", assumption.BaseValue);
    }

    [Fact]
    public void TopLevelSet_WithoutSet_ReadsAsBefore()
    {
        var withEmptySet = ScenarioFiles.Read(ScenarioFiles.Minimal + "\nset: {}\n");
        var without = ScenarioFiles.Read(ScenarioFiles.Minimal);

        Assert.Equal(without.Base.Features.Count, withEmptySet.Base.Features.Count);
        Assert.Equal(without.Base.FindFeature("chat")!.InputTokens.Parameters,
            withEmptySet.Base.FindFeature("chat")!.InputTokens.Parameters);
    }

    // Minimal has 14 lines, so the set block starts on line 15 and its first entry is on line 16.
    [Theory]
    [InlineData("features.chat.input_tokens: -5", 16, "set.features.chat.input_tokens", "-5",
        "from 0 to 10,000,000")]
    [InlineData("features.talk.input_tokens: 5", 16, "set.features.talk.input_tokens", "talk",
        "no item 'talk' in features")]
    [InlineData("features.chat.id: other", 16, "set.features.chat.id", "features.chat.id", "cannot change an id")]
    [InlineData("set.name: other", 16, "set.set.name", "set.name", "set cannot change set")]
    [InlineData("features.chat.output_tokens.max: 3", 16, "set.features.chat.output_tokens.max", "max",
        "is a single value")]
    public void TopLevelSet_InvalidEntry_ReportedAtSetLine(
        string entry, long line, string path, string value, string message)
    {
        var text = ScenarioFiles.Minimal + "\nset:\n  " + entry + "\n";

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Equal(line, problem.Line);
        Assert.Equal(path, problem.Path);
        Assert.Equal(value, problem.Value);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopLevelSet_NotMapping_Reported()
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.Minimal + "\nset: 3\n"));

        Assert.Equal("set", problem.Path);
        Assert.Contains("mapping of paths to values", problem.Message, StringComparison.Ordinal);
    }
}
