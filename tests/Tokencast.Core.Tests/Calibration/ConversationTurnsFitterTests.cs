using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public class ConversationTurnsFitterTests
{
    [Fact]
    public void FitCounts_GeometricLikeSample_ChoosesGeometric()
    {
        // Turns {1, 1, 2, 4}: mean 2, so p = 1/2 and every turn contributes ln 0.5, giving
        // Σ(k − 1) ln 0.5 + 4 ln 0.5 = 8 ln 0.5. Sample variance 6 / 3 = 2; with m = 1 the dispersion is
        // m² / (2 − m) = 1, the geometric itself, so the extra parameter does not pay off.
        var fit = ConversationTurnsFitter.FitCounts([1, 1, 2, 4]);

        Assert.Equal(4, fit.ConversationCount);
        Assert.Equal(2.0, fit.MeanTurns, 12);
        Assert.Equal(2.0, fit.TurnsVariance, 12);
        Assert.Equal(8 * Math.Log(0.5), fit.GeometricLogLikelihood, 10);
        Assert.Equal(1.0, fit.NegativeBinomialDispersion!.Value, 12);
        Assert.Equal(fit.GeometricLogLikelihood, fit.NegativeBinomialLogLikelihood!.Value, 10);
        Assert.Equal("geometric", fit.Chosen);
    }

    [Fact]
    public void FitCounts_OverDispersedSample_ChoosesNegativeBinomial()
    {
        // Seven one-turn conversations and one of nine: mean 2, variance (7 × 1 + 49) / 7 = 8, so with
        // m = 1 the dispersion is 1 / (8 − 1) = 1/7. Its log-likelihood is −7.11 against the geometric's
        // 16 ln 0.5 = −11.09 (computed with lgamma), so AIC 18.2 beats 24.2.
        var fit = ConversationTurnsFitter.FitCounts([1, 1, 1, 1, 1, 1, 1, 9]);

        Assert.Equal(1.0 / 7, fit.NegativeBinomialDispersion!.Value, 12);
        Assert.Equal(16 * Math.Log(0.5), fit.GeometricLogLikelihood, 10);
        Assert.Equal(-7.1141, fit.NegativeBinomialLogLikelihood!.Value, 3);
        Assert.Equal("negative_binomial", fit.Chosen);
    }

    [Fact]
    public void FitCounts_EqualTurns_HasNoNegativeBinomial()
    {
        var fit = ConversationTurnsFitter.FitCounts([3, 3, 3]);

        Assert.Null(fit.NegativeBinomialDispersion);
        Assert.Null(fit.NegativeBinomialLogLikelihood);
        Assert.Equal("geometric", fit.Chosen);
    }

    [Fact]
    public void Fit_Observations_CountsRequestsPerConversationId()
    {
        TokenObservation[] observations =
        [
            Request("a"), Request("b"), Request("a"), Request(null), Request("a"),
        ];

        var fit = ConversationTurnsFitter.Fit(observations);

        Assert.NotNull(fit);
        Assert.Equal(2, fit.ConversationCount);
        Assert.Equal(2.0, fit.MeanTurns, 12);
    }

    [Fact]
    public void Fit_NoConversationIds_ReturnsNull()
    {
        Assert.Null(ConversationTurnsFitter.Fit([Request(null), Request(null)]));
    }

    private static TokenObservation Request(string? conversation) =>
        new("chat", conversation, null, 100, 10, null, null, SourceLine: 1);
}
