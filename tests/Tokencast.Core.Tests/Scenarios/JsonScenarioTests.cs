using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public class JsonScenarioTests
{
    private const string Json = """
        {
          "name": "json-scenario",
          "start_month": "2027-01",
          "horizon_months": 6,
          "features": [
            {
              "id": "chat",
              "model": "gpt-4o-mini",
              "input_tokens": {"lognormal": {"median": 400, "p95": 3000}},
              "output_tokens": {"fixed": 250}
            }
          ],
          "cohorts": [
            {"id": "smb", "users": 1000, "features": {"chat": {"adoption": 0.4, "tasks_per_active_user": 20}}}
          ],
          "branches": {"growth": {"set": {"cohorts.smb.users": 2000}}}
        }
        """;

    [Fact]
    public void Read_Json_ReadsSameModelAsYaml()
    {
        var document = ScenarioReader.Read(Json, "s.json", AppContext.BaseDirectory);

        Assert.Equal("json-scenario", document.Base.Name);
        Assert.Equal(6, document.Base.HorizonMonths);
        Assert.Equal(250, document.Base.Features[0].OutputTokens.Parameters["value"]);
        Assert.Equal(8, document.Base.CatalogModelReferences[0].Source.Line);
        Assert.Equal(2000, document.FindBranch("growth")!.Scenario.Cohorts[0].Users.Parameters["value"]);
    }

    [Fact]
    public void Read_JsonWithError_ReportsItsLine()
    {
        var text = Json.Replace("\"adoption\": 0.4", "\"adoption\": 1.4", StringComparison.Ordinal);

        var problem = Assert.Single(
            Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(text, "s.json", "/")).Problems);

        Assert.Equal(14, problem.Line);
        Assert.Equal("cohorts[0].features.chat.adoption", problem.Path);
        Assert.Equal("1.4", problem.Value);
    }

    [Fact]
    public void Read_JsonQuotedNumber_IsRejected()
    {
        var text = Json.Replace("\"horizon_months\": 6", "\"horizon_months\": \"6\"", StringComparison.Ordinal);

        var problem = Assert.Single(
            Assert.Throws<InvalidInputException>(() => ScenarioReader.Read(text, "s.json", "/")).Problems);

        Assert.Equal(4, problem.Line);
        Assert.Contains("remove the quotes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonIndentedWithTabs_IsRead()
    {
        var text = Json.Replace("  ", "\t", StringComparison.Ordinal);

        var document = ScenarioReader.Read(text, "s.json", "/");

        Assert.Equal("json-scenario", document.Base.Name);
    }
}
