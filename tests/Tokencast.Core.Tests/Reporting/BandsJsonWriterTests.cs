using System.Text.Json;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Reporting;
using Tokencast.Core.Simulation;
using Tokencast.Core.Tests.Forecasting;

namespace Tokencast.Core.Tests.Reporting;

public class BandsJsonWriterTests
{
    [Fact]
    public void Write_SampleResult_HasRunSettings()
    {
        using var document = JsonDocument.Parse(Bytes(SampleForecasts.TwoBranches()));
        var root = document.RootElement;

        Assert.Equal("sample", root.GetProperty("scenario").GetString());
        Assert.Equal("2027-01", root.GetProperty("first_month").GetString());
        Assert.Equal(3, root.GetProperty("months").GetInt32());
        Assert.Equal(1000, root.GetProperty("trials").GetInt32());
        Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(2, root.GetProperty("branches").GetArrayLength());
    }

    [Fact]
    public void Write_SampleResult_HasBranchContent()
    {
        using var document = JsonDocument.Parse(Bytes(SampleForecasts.TwoBranches()));
        var growth = document.RootElement.GetProperty("branches")[1];

        Assert.Equal("growth", growth.GetProperty("name").GetString());
        Assert.Equal("Twice the users", growth.GetProperty("description").GetString());
        var assumption = growth.GetProperty("assumptions")[0];
        Assert.Equal("cohorts.large.users", assumption.GetProperty("path").GetString());
        Assert.Equal("150", assumption.GetProperty("base_value").GetString());
        Assert.Equal("300", assumption.GetProperty("branch_value").GetString());
        Assert.Equal(3, growth.GetProperty("cumulative").GetArrayLength());
        Assert.Equal(2, growth.GetProperty("features").GetArrayLength());
        Assert.Equal(2, growth.GetProperty("cohorts").GetArrayLength());
        Assert.Equal(3, growth.GetProperty("models").GetArrayLength());
        Assert.Equal(6, growth.GetProperty("cost_per_task").GetArrayLength());
        Assert.Equal(0, growth.GetProperty("budget").GetArrayLength());
    }

    [Fact]
    public void Write_TotalMonth_HasBandAndStandardErrors()
    {
        using var document = JsonDocument.Parse(Bytes(SampleForecasts.TwoBranches()));
        var total = document.RootElement.GetProperty("branches")[0].GetProperty("total");
        var february = total.GetProperty("monthly")[1];

        // Baseline February total: median 50, P90 = 1.5 * 50, SE of P50 = 1 % of 50.
        Assert.Equal("2027-02", february.GetProperty("month").GetString());
        Assert.Equal(50, february.GetProperty("p50").GetDouble());
        Assert.Equal(75, february.GetProperty("p90").GetDouble());
        Assert.Equal(0.5, february.GetProperty("standard_errors").GetProperty("p50").GetDouble());
    }

    [Fact]
    public void Write_HorizonBudget_HasNullMonth()
    {
        using var document = JsonDocument.Parse(Bytes(SampleForecasts.TwoBranches()));
        var budget = document.RootElement.GetProperty("branches")[0].GetProperty("budget");

        Assert.Equal(3, budget.GetArrayLength());
        Assert.Equal("2027-01", budget[0].GetProperty("month").GetString());
        Assert.Equal(JsonValueKind.Null, budget[2].GetProperty("month").ValueKind);
        Assert.Equal(300, budget[2].GetProperty("budget_usd").GetDouble());
        Assert.Equal(0.125, budget[2].GetProperty("exceedance_probability").GetDouble());
    }

    [Fact]
    public void Write_NonFiniteValue_WritesNull()
    {
        var result = SampleForecasts.TwoBranches();
        var branch = result.Branches[0];
        var broken = branch with
        {
            Total = branch.Total with { Horizon = branch.Total.Horizon with { Mean = double.NaN } },
        };

        using var document = JsonDocument.Parse(Bytes(result with { Branches = [broken] }));
        var total = document.RootElement.GetProperty("branches")[0].GetProperty("total");
        var horizon = total.GetProperty("horizon");

        Assert.Equal(JsonValueKind.Null, horizon.GetProperty("mean").ValueKind);
    }

    [Fact]
    public void Write_SameSeedTwice_GivesIdenticalBytes()
    {
        var plan = TestPlans.WithGrowthBranch();
        var options = new EngineOptions(Trials: 128, Seed: 9);

        var first = Bytes(new ForecastEngine(plan, options).Run());
        var second = Bytes(new ForecastEngine(plan, options).Run());

        Assert.Equal(first, second);
    }

    private static byte[] Bytes(ForecastResult result)
    {
        using var stream = new MemoryStream();
        BandsJsonWriter.Write(result, stream);
        return stream.ToArray();
    }
}
