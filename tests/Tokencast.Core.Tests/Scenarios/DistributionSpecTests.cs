using Tokencast.Core.Distributions;
using Tokencast.Core.Randomness;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public class DistributionSpecTests
{
    private static readonly SourceLocation Nowhere = new(null, 1, "test");

    // mu = ln(median); sigma = (ln(quantile) - mu) / z, with z the standard normal quantile:
    // z(0.95) = 1.6448536, z(0.90) = 1.2815516, z(0.99) = 2.3263479.
    // 400/3000 at p95: mu = ln 400 = 5.9914645, sigma = ln 7.5 / 1.6448536 = 2.0149030 / 1.6448536 = 1.2249741.
    // 20/60 at p90: mu = ln 20 = 2.9957323, sigma = ln 3 / 1.2815516 = 1.0986123 / 1.2815516 = 0.8572517.
    // 1/e at p99: mu = 0, sigma = 1 / 2.3263479 = 0.4298579.
    [Theory]
    [InlineData(400, 0.95, 3000, 5.9914645, 1.2249741)]
    [InlineData(20, 0.90, 60, 2.9957323, 0.8572517)]
    [InlineData(1, 0.99, Math.E, 0, 0.4298579)]
    public void FromMedianAndQuantile_KnownValues_GiveMuAndSigma(
        double median, double probability, double quantile, double expectedMu, double expectedSigma)
    {
        var (mu, sigma) = TokenDistribution.LogNormalParameters(median, probability, quantile);

        Assert.Equal(expectedMu, mu, 1e-6);
        Assert.Equal(expectedSigma, sigma, 1e-6);
    }

    [Fact]
    public void FromMedianAndQuantile_QuantileBelowMedian_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenDistribution.LogNormalParameters(400, 0.95, 300));

    [Fact]
    public void TokenReader_LogNormalMedianP95_StoresMuAndSigma()
    {
        var tokens = ScenarioFiles.Read(ScenarioFiles.Minimal).Base.Features[0].InputTokens;

        Assert.Equal(TokenDistributionKind.LogNormal, tokens.Kind);
        Assert.Equal(5.9914645, tokens.Parameters["mu"], 1e-6);
        Assert.Equal(1.2249741, tokens.Parameters["sigma"], 1e-6);
        Assert.Equal("{lognormal: {median: 400, p95: 3000}}", tokens.Written);
    }

    // Negative binomial: r = dispersion, p = r / (r + mean); mean 4, dispersion 2 gives p = 2 / 6.
    // Geometric on 1, 2, ...: p = 1 / mean; mean 3.5 gives p = 0.2857143. Poisson: lambda = mean.
    [Theory]
    [InlineData("{negative_binomial: {mean: 4, dispersion: 2}}", "r", 2.0)]
    [InlineData("{negative_binomial: {mean: 4, dispersion: 2}}", "p", 0.3333333)]
    [InlineData("{geometric: {mean: 3.5}}", "p", 0.2857143)]
    [InlineData("{poisson: {mean: 2.5}}", "lambda", 2.5)]
    [InlineData("{fixed: 3}", "value", 3.0)]
    [InlineData("7", "value", 7.0)]
    public void CountReader_Parameters_UseStandardForm(string written, string name, double expected)
    {
        var text = ScenarioFiles.MinimalWith("output_tokens:", $"    output_tokens: 250\n    conversation: {{turns: {written}}}");

        var turns = ScenarioFiles.Read(text).Base.Features[0].Conversation!.Turns;

        Assert.Equal(expected, turns.Parameters[name], 1e-6);
    }

    [Fact]
    public void CountDistribution_MinAndMax_ClampDraws()
    {
        var parameters = new Dictionary<string, double> { ["lambda"] = 50 };
        var spec = new CountDistributionSpec(CountDistributionKind.Poisson, parameters, 1, 3, "", Nowhere);
        var distribution = spec.ToDistribution();
        var random = new StableRandom(7);

        var draws = Enumerable.Range(0, 200).Select(_ => distribution.Sample(random)).ToList();

        Assert.All(draws, d => Assert.Equal(3, d));
    }

    [Fact]
    public void CountDistribution_Geometric_NeverDrawsZero()
    {
        var parameters = new Dictionary<string, double> { ["p"] = 0.9 };
        var spec = new CountDistributionSpec(CountDistributionKind.Geometric, parameters, null, null, "", Nowhere);
        var distribution = spec.ToDistribution();
        var random = new StableRandom(3);

        var smallest = Enumerable.Range(0, 1000).Min(_ => distribution.Sample(random));

        Assert.Equal(1, smallest);
    }

    [Fact]
    public void TokenDistribution_SameSeed_ReplaysSameDraws()
    {
        var spec = ScenarioFiles.Read(ScenarioFiles.Minimal).Base.Features[0].InputTokens;
        var distribution = spec.ToDistribution();
        var first = new StableRandom(42);
        var second = new StableRandom(42);

        var firstDraws = Enumerable.Range(0, 20).Select(_ => distribution.Sample(first)).ToList();
        var secondDraws = Enumerable.Range(0, 20).Select(_ => distribution.Sample(second)).ToList();

        Assert.Equal(firstDraws, secondDraws);
    }

    [Fact]
    public void TokenDistribution_Max_CapsDraws()
    {
        var parameters = new Dictionary<string, double> { ["mu"] = 10, ["sigma"] = 1 };
        var spec = new TokenDistributionSpec(TokenDistributionKind.LogNormal, parameters, [], 500, null, "", Nowhere);
        var distribution = spec.ToDistribution();
        var random = new StableRandom(1);

        var largest = Enumerable.Range(0, 100).Max(_ => distribution.Sample(random));

        Assert.Equal(500, largest);
    }

    // Threshold = exp(mu + sigma * z(tail_from)); with mu = ln 400, sigma = 1.2249741 and tail_from = 0.95
    // that is the p95 given, 3000. Above it P(X > x) = 0.05 * (3000 / x)^alpha, so with alpha = 2 a share of
    // 0.05 * (3000 / 30000)^2 = 0.0005 of draws exceeds 30,000.
    [Fact]
    public void TokenSampler_LogNormalPareto_HasTailAboveThreshold()
    {
        var parameters = new Dictionary<string, double>
        {
            ["mu"] = Math.Log(400),
            ["sigma"] = 1.2249741,
            ["tail_from"] = 0.95,
            ["alpha"] = 2,
        };
        var spec = new TokenDistributionSpec(TokenDistributionKind.LogNormalPareto, parameters, [], null, null, "",
            Nowhere);
        var distribution = spec.ToDistribution();
        var random = new StableRandom(11);

        var draws = Enumerable.Range(0, 200_000).Select(_ => distribution.Sample(random)).ToList();

        Assert.Equal(3000, spec.TailThreshold!.Value, 2);
        Assert.Equal(0.05, draws.Count(d => d > 3000) / 200_000.0, 2);
        Assert.InRange(draws.Count(d => d > 30000) / 200_000.0, 0.0003, 0.0007);
    }

    [Fact]
    public void UncertainValue_Adoption_CarriesItsAllowedRange()
    {
        var text = ScenarioFiles.Minimal.Replace("adoption: 0.4", "adoption: {normal: {mean: 0.99, sd: 0.5}}",
            StringComparison.Ordinal);
        var adoption = ScenarioFiles.Read(text).Base.Cohorts[0].Features[0].Adoption;

        Assert.Equal(0, adoption.LowerBound);
        Assert.Equal(1, adoption.UpperBound);
        Assert.Equal(0.99, adoption.Mean, 12);
    }

    // PERT mean = (min + 4 mode + max) / 6 = (2000 + 10000 + 4000) / 6 = 2666.67; triangular mean =
    // (10 + 25 + 60) / 3 = 31.67.
    [Fact]
    public void UncertainValue_Mean_FollowsDistribution()
    {
        var example = ScenarioReader.ReadFile(ScenarioFiles.ExamplePath).Base;

        Assert.Equal(2666.67, example.FindCohort("enterprise")!.Users.Mean, 2);
        Assert.Equal(31.67, example.FindCohort("smb")!.Features[0].TasksPerActiveUser.Mean, 2);
        Assert.Equal(12000, example.FindCohort("smb")!.Users.Mean);
    }
}
