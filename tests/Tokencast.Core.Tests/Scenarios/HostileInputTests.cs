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
}
