using Tokencast.Core.Levers;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Levers;

public sealed class WhatIfTests
{
    private static WhatIfResult Compare(params SetOverride[] overrides) =>
        WhatIf.Compare(
            LeverScenarios.Bundle(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals),
            overrides,
            new WhatIfOptions(Trials: 200, Seed: 11));

    // Every task costs 0.002 USD on big-model and 0.0003 USD on small-model. Both runs draw the same task
    // counts (same seed, same trials), so each trial's spend scales by 0.0003 / 0.002 = 0.15, and so does
    // every percentile.
    [Fact]
    public void Compare_CheaperTier_ScalesP50ByPriceRatio()
    {
        var branch = Assert.Single(Compare(new SetOverride("features.chat.model", "small")).Branches);

        Assert.Equal(0.15, branch.After.P50 / branch.Before.P50, 9);
        Assert.Equal(0.15, branch.After.P10 / branch.Before.P10, 9);
        Assert.Equal(0.15, branch.After.P90 / branch.Before.P90, 9);
        Assert.Equal(branch.After.P50 - branch.Before.P50, branch.Change.P50, 9);
    }

    [Fact]
    public void Compare_CheaperTier_CostPerTaskChanges()
    {
        var feature = Assert.Single(Assert.Single(Compare(new SetOverride("features.chat.model", "small")).Branches)
            .Features);

        Assert.True(feature.Changed);
        Assert.Equal(0.002, feature.Before!.MeanUsd, 12);
        Assert.Equal(0.0003, feature.After!.MeanUsd, 12);
    }

    [Fact]
    public void Compare_ChangedFeature_QualityFromEvals()
    {
        var feature = Assert.Single(Assert.Single(Compare(new SetOverride("features.chat.model", "small")).Branches)
            .Features);

        Assert.Equal(0.9, feature.QualityBefore!.Value, 12);
        Assert.Equal(0.6, feature.QualityAfter!.Value, 12);
        Assert.Null(feature.NoQualityReason);
    }

    [Fact]
    public void Compare_UsersOnly_FeatureUnchanged()
    {
        var feature = Assert.Single(Assert.Single(Compare(new SetOverride("cohorts.everyone.users", "2000")).Branches)
            .Features);

        Assert.False(feature.Changed);
        Assert.Null(feature.QualityBefore);
        Assert.Null(feature.QualityAfter);
    }

    // 1000 x 1e-6 + 250 x 2e-6 = 0.0015 USD per task on big-model, whose eval row stays the same.
    [Fact]
    public void Compare_FewerOutputTokens_SameQuality()
    {
        var feature = Assert.Single(Assert.Single(Compare(new SetOverride("features.chat.output_tokens", "250"))
            .Branches).Features);

        Assert.True(feature.Changed);
        Assert.Equal(0.0015, feature.After!.MeanUsd, 12);
        Assert.Equal(0.9, feature.QualityBefore!.Value, 12);
        Assert.Equal(0.9, feature.QualityAfter!.Value, 12);
    }

    [Fact]
    public void Compare_RateCascade_NoEvalDataWithReason()
    {
        var routing = "{cascade: {cheap: small, strong: big, escalation_rate: 0.2}}";

        var feature = Assert.Single(Assert.Single(Compare(new SetOverride("features.chat.routing", routing))
            .Branches).Features);

        Assert.True(feature.Changed);
        Assert.Null(feature.QualityAfter);
        Assert.Contains("escalation_rate", feature.NoQualityReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BadPath_NamesSetAndPath()
    {
        var problem = Assert.Single(Assert.Throws<InvalidInputException>(
            () => Compare(new SetOverride("features.chat.modle", "small"))).Problems);

        Assert.Equal("--set", problem.File);
        Assert.Null(problem.Line);
        Assert.Equal("features.chat.modle", problem.Path);
        Assert.Contains("unknown key (did you mean 'model'?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BadValue_NamesSetAndPath()
    {
        var problem = Assert.Single(Assert.Throws<InvalidInputException>(
            () => Compare(new SetOverride("features.chat.input_tokens", "{lognormal: {mu: 6, sigma: -1}}"))).Problems);

        Assert.Equal("--set", problem.File);
        Assert.Equal("features.chat.input_tokens.lognormal.sigma", problem.Path);
        Assert.Equal("-1", problem.Value);
    }

    [Fact]
    public void Compare_MissingFeature_NamesSetAndPath()
    {
        var problem = Assert.Single(Assert.Throws<InvalidInputException>(
            () => Compare(new SetOverride("features.nope.model", "small"))).Problems);

        Assert.Equal("--set", problem.File);
        Assert.Equal("features.nope.model", problem.Path);
        Assert.Contains("no item 'nope'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_InvalidYaml_NamesSetAndPath()
    {
        var problem = Assert.Single(Assert.Throws<InvalidInputException>(
            () => Compare(new SetOverride("features.chat.model", "{small"))).Problems);

        Assert.Equal("--set", problem.File);
        Assert.Equal("features.chat.model", problem.Path);
        Assert.StartsWith("invalid YAML value", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NoOverrides_Rejected()
    {
        var bundle = LeverScenarios.Bundle(LeverScenarios.TierFeature, LeverScenarios.AggregateEvals);

        Assert.Throws<InvalidInputException>(() => WhatIf.Compare(bundle, [], new WhatIfOptions()));
    }

    [Theory]
    [InlineData("features.chat.model=small", "features.chat.model", "small")]
    [InlineData("a.b={x: 1}", "a.b", "{x: 1}")]
    [InlineData(" a.b =c=d", "a.b", "c=d")]
    public void SetOverride_Parse_SplitsAtFirstEquals(string text, string path, string value)
    {
        var entry = SetOverride.Parse(text);

        Assert.Equal(path, entry.Path);
        Assert.Equal(value, entry.Value);
    }

    [Theory]
    [InlineData("features.chat.model")]
    [InlineData("=small")]
    public void SetOverride_Parse_RejectsMissingPath(string text)
    {
        var problem = Assert.Single(Assert.Throws<InvalidInputException>(() => SetOverride.Parse(text)).Problems);

        Assert.Equal("--set", problem.File);
    }
}
