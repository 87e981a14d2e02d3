using System.Text;
using Tokencast.Core.Pricing;

namespace Tokencast.Core.Tests.Pricing;

public class UserCatalogTests
{
    private static InvalidInputException LoadInvalid(string json) =>
        Assert.Throws<InvalidInputException>(() =>
            PriceCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "prices.json", true));

    [Theory]
    [InlineData("\"1e-06\"", "\"1e-06\"")]
    [InlineData("[1e-06]", "[1e-06]")]
    [InlineData("true", "true")]
    [InlineData("{\"usd\": 1e-06}", "{\"usd\": 1e-06}")]
    public void Load_NonNumberPrice_NamesModelKeyAndValue(string price, string value)
    {
        var error = LoadInvalid($"{{\"m\": {{\"input_cost_per_token\": {price}}}}}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("m.input_cost_per_token", problem.Path);
        Assert.Equal(value, problem.Value);
        Assert.Contains("expected a number", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StringFee_ReportedNotThrown()
    {
        var error = LoadInvalid("{\"m\": {\"input_cost_per_request\": \"0.005\"}}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("m.input_cost_per_request", problem.Path);
    }

    [Fact]
    public void Load_StringTierRange_NotThrown()
    {
        var json = "{\"m\": {\"input_cost_per_token\": 1e-06, \"tiered_pricing\": "
            + "[{\"range\": [\"0\", 1000], \"input_cost_per_token\": 2e-06}]}}";

        var catalog = PriceCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "prices.json", true);

        Assert.Contains(catalog.LoadReport.NotTokenPriceKeys, note => note.Key == "tiered_pricing");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    public void Load_ModelEntryNotObject_ListedAsProblem(string entry)
    {
        var error = LoadInvalid($"{{\"ok\": {{\"input_cost_per_token\": 1e-06}}, \"bad\": {entry}}}");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("bad", problem.Path);
        Assert.Equal(entry, problem.Value);
    }

    [Fact]
    public void Load_SeveralMistakes_AllListed()
    {
        var json = "{\"a\": {\"input_cost_per_token\": \"1e-06\"}, \"b\": [], "
            + "\"c\": {\"output_cost_per_token\": null, \"output_cost_per_token_batches\": \"x\"}}";

        var error = LoadInvalid(json);

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Path == "a.input_cost_per_token");
        Assert.Contains(error.Problems, p => p.Path == "b");
        Assert.Contains(error.Problems, p => p.Path == "c.output_cost_per_token_batches");
    }
}
