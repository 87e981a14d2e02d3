using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public class CalibratorTests
{
    [Fact]
    public void Calibrate_AzureConversationSlice_FitsTokensAndRate()
    {
        var observations = TraceFiles.ReadAzureCsv(TraceFiles.AzureConversation, "azure-conv");

        var feature = Assert.Single(Calibrator.Calibrate(observations).Features);

        Assert.Equal("azure-conv", feature.Feature);
        Assert.Equal(9754, feature.RequestCount);
        Assert.Equal(9754, feature.InputTokens.Count);
        Assert.NotNull(feature.InputTokens.Chosen);
        Assert.NotNull(feature.OutputTokens.Chosen);
        Assert.Null(feature.ReasoningTokens);
        Assert.Null(feature.Turns);
        Assert.Empty(feature.Cache);
        // 9,754 requests between 18:15:46.6805900 and 18:44:59.9377300, a span of 1,753.25714 s.
        Assert.Equal(9754 / (1753.25714 / 3600), feature.RequestsPerHour!.Value, 0.01);
        Assert.Contains(feature.Notes, n => n.StartsWith("No conversation id", StringComparison.Ordinal));
    }

    [Fact]
    public void Calibrate_AzureConversationSlice_ObservedQuantilesMatchPublishedStats()
    {
        // The slice's SOURCE.md lists mean 1238, p50 1035, p90 4075 and p99 4122 input tokens.
        var observations = TraceFiles.ReadAzureCsv(TraceFiles.AzureConversation, "azure-conv");

        var quality = Calibrator.Calibrate(observations).Features[0].InputTokens.Candidates[0].Quality;

        Assert.Equal(1238, quality.ObservedMean, 0.5);
        Assert.Equal(1035, quality.At(0.5)!.Observed, 0.5);
        Assert.Equal(4075, quality.At(0.9)!.Observed, 0.5);
        Assert.Equal(4122, quality.At(0.99)!.Observed, 0.5);
    }

    [Fact]
    public void Calibrate_MooncakeSlice_SimulatesUnboundedAndLifetimeCaches()
    {
        var observations = TraceFiles.ReadMooncakeJsonl(TraceFiles.MooncakeSynthetic, "mooncake-synthetic");

        var feature = Assert.Single(Calibrator.Calibrate(observations).Features);

        var lifetimes = feature.Cache.Select(c => c.TimeToLive);
        Assert.Equal([null, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)], lifetimes);
        Assert.Equal(0.3221, feature.Cache[0].TokenHitFraction, 0.00005);
        Assert.Contains(feature.Notes, n => n.Contains("share prefix blocks", StringComparison.Ordinal));
    }

    [Fact]
    public void Calibrate_TwoFeatures_KeepsOrderOfFirstAppearance()
    {
        TokenObservation[] observations = [Request("b", 10, 1), Request("a", 20, 2), Request("b", 30, 3)];

        var report = Calibrator.Calibrate(observations);

        Assert.Equal(["b", "a"], report.Features.Select(f => f.Feature));
        Assert.Equal(2, report.Features[0].RequestCount);
    }

    [Fact]
    public void Calibrate_NegativeCounts_ReportsEveryProblem()
    {
        TokenObservation[] observations =
        [
            Request("chat", -5, 2),
            Request("chat", 10, 3),
            Request("chat", 10, 4) with { OutputTokens = -1 },
        ];

        var exception = Assert.Throws<InvalidInputException>(() => Calibrator.Calibrate(observations));

        Assert.Equal(2, exception.Problems.Count);
        Assert.Equal("logs/chat.csv", exception.Problems[0].File);
        Assert.Equal(2, exception.Problems[0].Line);
        Assert.Equal("input_tokens", exception.Problems[0].Path);
        Assert.Equal("-5", exception.Problems[0].Value);
        Assert.Equal("output_tokens", exception.Problems[1].Path);
        Assert.Equal(4, exception.Problems[1].Line);
    }

    [Fact]
    public void Calibrate_NoObservations_ThrowsInvalidInput()
    {
        Assert.Throws<InvalidInputException>(() => Calibrator.Calibrate([]));
    }

    private static TokenObservation Request(string feature, long inputTokens, long line) =>
        new(feature, null, null, inputTokens, 5, null, null, line, "logs/chat.csv");
}
