using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public class HostileInputTests
{
    // Nine levels of nine aliases each expand to 9^9 (about 387 million) strings when rendered in full.
    private const string BillionLaughs = """
        name: laughs
        start_month: 2027-01
        horizon_months: 12
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        """;

    [Fact]
    public void Read_NestedAliases_RejectsEachAnchor()
    {
        var problems = ScenarioFiles.Problems(BillionLaughs);

        Assert.Equal(9, problems.Count);
        Assert.All(problems, p => Assert.Contains("anchors and aliases are not supported", p.Message));
        Assert.Equal(4, problems[0].Line);
        Assert.Equal("&a", problems[0].Value);
        Assert.Equal("test.yaml", problems[0].File);
    }

    [Fact]
    public void Read_AnchorOnValidScenario_Rejected()
    {
        var text = ScenarioFiles.MinimalWith("output_tokens:", "    output_tokens: &out 250");

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Equal(8, problem.Line);
        Assert.Equal("&out", problem.Value);
        Assert.Contains("anchors and aliases are not supported in scenario files", problem.Message);
    }

    [Fact]
    public void Read_LongValueInProblem_CutTo120Characters()
    {
        var longName = new string('x', 5000);
        var text = ScenarioFiles.MinimalWith("output_tokens:", $"    output_tokens: [{longName}]");

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Equal(120, problem.Value!.Length);
        Assert.EndsWith("...", problem.Value);
        Assert.StartsWith("[xxx", problem.Value);
    }

    [Theory]
    [InlineData("items: ", "[")]
    [InlineData("items: ", "{a: ")]
    [InlineData("items:\n", "- ")]
    [InlineData("items:\n", "? ")]
    public void Read_DeepNesting_RejectedBeforeParsing(string prefix, string perLevel)
    {
        // 100,000 levels overflow the stack of YamlDotNet 18.1.0's recursive scanner.
        var text = "name: deep\n" + prefix + string.Concat(Enumerable.Repeat(perLevel, 100_000));

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Contains("nested more than 64 levels", problem.Message);
        Assert.Equal(2 + prefix.Count(c => c == '\n'), problem.Line);
    }

    [Fact]
    public void Read_DeepIndentation_ReportsFirstLineTooDeep()
    {
        // Line 3 opens level 2 (the top level is 1), so line 65 opens level 64 and line 66 level 65.
        var lines = Enumerable.Range(0, 100).Select(i => new string(' ', i + 1) + "k:");
        var text = "name: deep\nitems:\n" + string.Join('\n', lines);

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Equal(66, problem.Line);
    }

    [Fact]
    public void Read_SixtyFiveDashesOnOneLine_ReportsLine()
    {
        var text = "name: deep\nitems:\n  " + string.Concat(Enumerable.Repeat("- ", 65)) + "x\n";

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Equal(3, problem.Line);
    }

    [Theory]
    [InlineData("    description: chat # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("    description: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"")]
    [InlineData("    description: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['")]
    [InlineData("    description: |\n      [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    public void Read_BracketsInTextOrComments_NotCounted(string line)
    {
        var text = ScenarioFiles.MinimalWith("output_tokens:", "    output_tokens: 250\n" + line);

        Assert.Equal("minimal", ScenarioFiles.Read(text).Base.Name);
    }

    [Fact]
    public void Read_ApostropheInPlainText_DoesNotHideBrackets()
    {
        var text = "name: it's\nitems: " + string.Concat(Enumerable.Repeat("[", 100_000));

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Contains("nested more than 64 levels", problem.Message);
    }

    [Fact]
    public void Read_TextOver16MiB_Rejected()
    {
        var text = ScenarioFiles.Minimal + "\n# " + new string('x', 16 * 1024 * 1024);

        var problem = Assert.Single(ScenarioFiles.Problems(text));

        Assert.Contains("larger than the limit of 16 MiB", problem.Message);
    }

    // Each row sets one value just above its documented bound and expects one problem at that path.
    [Theory]
    [InlineData("output_tokens:", "    output_tokens: 1e300", "features[0].output_tokens", "10,000,000")]
    [InlineData("output_tokens:", "    output_tokens: 10000001", "features[0].output_tokens", "10,000,000")]
    [InlineData("input_tokens:", "    input_tokens: {lognormal: {median: 400, p95: 2e7}}",
        "features[0].input_tokens.lognormal.p95", "10,000,000")]
    [InlineData("input_tokens:", "    input_tokens: {lognormal: {mu: 17, sigma: 1}}",
        "features[0].input_tokens.lognormal.mu", "10,000,000")]
    [InlineData("input_tokens:", "    input_tokens: {lognormal: {mu: 5, sigma: 10.5}}",
        "features[0].input_tokens.lognormal.sigma", "at most 10")]
    [InlineData("input_tokens:", "    input_tokens: {empirical: {values: [1, 2e7]}}",
        "features[0].input_tokens.empirical.values[1]", "10,000,000")]
    [InlineData("model:", "    model: claude-haiku-4-5\n    system_prompt_tokens: 10000001",
        "features[0].system_prompt_tokens", "10,000,000")]
    [InlineData("model:", "    model: claude-haiku-4-5\n    conversation: {turns: 1000000000}",
        "features[0].conversation.turns", "0 to 1,000")]
    [InlineData("model:", "    model: claude-haiku-4-5\n    conversation: {turns: {poisson: {mean: 1001}}}",
        "features[0].conversation.turns.poisson.mean", "at most 1,000")]
    [InlineData("model:", "    model: claude-haiku-4-5\n    conversation: {turns: {poisson: {mean: 3, max: 10001}}}",
        "features[0].conversation.turns.poisson.max", "0 to 10,000")]
    [InlineData("users:", "    users: 1e11", "cohorts[0].users", "10,000,000,000")]
    [InlineData("chat:", "      chat: {adoption: 0.4, tasks_per_active_user: 1000001}",
        "cohorts[0].features.chat.tasks_per_active_user", "1,000,000")]
    [InlineData("events:", "budget: {monthly_usd: 1e13}\nevents: []", "budget.monthly_usd", "10^12")]
    public void Read_ValueAboveBound_Rejected(string line, string replacement, string expectedPath, string bound)
    {
        var problem = Assert.Single(ScenarioFiles.Problems(ScenarioFiles.MinimalWith(line, replacement)));

        Assert.Equal(expectedPath, problem.Path);
        Assert.Contains(bound, problem.Message);
    }
}
