using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public class DistributionFitTests
{
    private const int SampleSize = 40_000;

    [Fact]
    public void LogNormalEstimate_SeededSample_RecoversMuAndSigma()
    {
        // Standard errors: σ/√n = 0.0055 for μ and σ/√(2n) = 0.0039 for σ; tolerance 0.02 is over 3.5 of them.
        var values = new LogNormal(6.0, 1.1, new MersenneTwister(7)).Samples().Take(SampleSize).ToArray();

        var fit = LogNormalFit.Estimate(values);

        Assert.Equal(6.0, fit.Mu, 0.02);
        Assert.Equal(1.1, fit.Sigma, 0.02);
    }

    [Fact]
    public void LogNormalParetoTryFit_SeededSplicedSample_RecoversParameters()
    {
        var truth = LogNormalParetoFit.WithParameters(mu: 6.0, sigma: 1.0, tailFrom: 0.95, alpha: 1.8);
        var values = SampleByInversion(truth, new MersenneTwister(11));

        var fit = LogNormalParetoFit.TryFit(new EmpiricalDistribution(values), 0.95, 20, out var reason);

        Assert.NotNull(fit);
        Assert.Null(reason);
        // The median and the p95 splice point come from order statistics, within about 1 % at this size.
        Assert.Equal(truth.Median, fit.Median, truth.Median * 0.02);
        Assert.Equal(truth.Threshold, fit.Threshold, truth.Threshold * 0.03);
        Assert.Equal(1.0, fit.Sigma, 0.03);
        // About 2,000 tail values: the Hill standard error is 1.8 / √2000 = 0.04.
        Assert.Equal(1.8, fit.Alpha, 0.15);
        Assert.InRange(fit.TailCount, 1_900, 2_100);
    }

    [Fact]
    public void LogNormalParetoCdf_AtThreshold_IsContinuousAndInvertsQuantile()
    {
        var fit = LogNormalParetoFit.WithParameters(mu: 5.0, sigma: 0.8, tailFrom: 0.9, alpha: 2.5);

        Assert.Equal(0.9, fit.CumulativeDistribution(fit.Threshold), 12);
        Assert.Equal(0.9, fit.CumulativeDistribution(fit.Threshold * (1 - 1e-12)), 9);
        Assert.Equal(fit.Threshold, fit.InverseCumulativeDistribution(0.9), 9);
        Assert.Equal(0.99, fit.CumulativeDistribution(fit.InverseCumulativeDistribution(0.99)), 12);
        Assert.Equal(0.5, fit.CumulativeDistribution(fit.Median), 12);
    }

    [Fact]
    public void LogNormalParetoMean_MatchesLargeSampleMean()
    {
        // α = 4 keeps the variance finite, so 200,000 draws give the mean within about 0.3 %.
        var fit = LogNormalParetoFit.WithParameters(mu: 6.0, sigma: 1.0, tailFrom: 0.95, alpha: 4.0);
        var random = new MersenneTwister(3);
        var sampleMean = Enumerable.Range(0, 200_000)
            .Select(_ => fit.InverseCumulativeDistribution(random.NextDouble()))
            .Average();

        Assert.Equal(sampleMean, fit.Mean, sampleMean * 0.01);
    }

    [Fact]
    public void LogNormalParetoMean_TailIndexAtMostOne_IsInfinite()
    {
        var fit = LogNormalParetoFit.WithParameters(mu: 6.0, sigma: 1.0, tailFrom: 0.95, alpha: 0.9);

        Assert.Equal(double.PositiveInfinity, fit.Mean);
    }

    [Fact]
    public void Fit_LogNormalSample_ChoosesParametricWithSmallDistance()
    {
        var values = new LogNormal(6.0, 1.1, new MersenneTwister(5)).Samples().Take(SampleSize)
            .Select(v => (long)Math.Ceiling(v)).ToArray();

        var report = TokenDistributionFitter.Fit(TokenKind.Input, values, new CalibrationOptions());

        var names = report.Candidates.Select(c => c.Distribution.Name);
        Assert.Equal(["lognormal", "lognormal_pareto", "empirical"], names);
        Assert.NotNull(report.Chosen);
        Assert.NotEqual("empirical", report.Chosen.Distribution.Name);
        Assert.True(report.Candidates[0].Quality.KolmogorovSmirnovDistance < 0.01);
        Assert.Equal(0, report.ZeroCount);
    }

    [Fact]
    public void Fit_FivePercentZeros_ChoosesEmpiricalAndReportsZeroShare()
    {
        var positive = new LogNormal(4.0, 0.5, new MersenneTwister(9)).Samples().Take(1900)
            .Select(v => (long)Math.Ceiling(v));
        long[] values = [.. positive, .. Enumerable.Repeat(0L, 100)];

        var report = TokenDistributionFitter.Fit(TokenKind.Output, values, new CalibrationOptions());

        Assert.Equal(0.05, report.ZeroShare, 12);
        Assert.Equal("empirical", report.Chosen!.Distribution.Name);
        Assert.Contains("zero share", report.ChoiceReason, StringComparison.Ordinal);
        // Fits describe the 1,900 positive values.
        Assert.Equal(1900, ((EmpiricalDistribution)report.Chosen.Distribution).Count);
    }

    [Fact]
    public void Fit_AllZeros_HasNoChoice()
    {
        var report = TokenDistributionFitter.Fit(TokenKind.Reasoning, [0, 0, 0], new CalibrationOptions());

        Assert.Null(report.Chosen);
        Assert.Empty(report.Candidates);
        Assert.Equal(1.0, report.ZeroShare);
    }

    [Fact]
    public void Fit_FewValues_SkipsTailFitWithReason()
    {
        var report = TokenDistributionFitter.Fit(
            TokenKind.Input, [10, 20, 30, 40, 50], new CalibrationOptions());

        Assert.Equal(["lognormal", "empirical"], report.Candidates.Select(c => c.Distribution.Name));
        var skipped = Assert.Single(report.SkippedCandidates);
        Assert.Equal("lognormal_pareto: too few values above the splice point (1, 20 needed)", skipped);
    }

    private static double[] SampleByInversion(LogNormalParetoFit distribution, Random random) =>
        Enumerable.Range(0, SampleSize)
            .Select(_ => distribution.InverseCumulativeDistribution(random.NextDouble()))
            .ToArray();
}
