using Tokencast.Core.Inputs;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Tests.Scenarios;

public sealed class QualityAndVariantsTests
{
    private const string Folder = "/variants-test";

    private const string Evals = "feature,model,pass_rate,items\nchat,claude-haiku-4-5,0.8,50\n";

    // Line 8 is the feature's last key, so a variant starts on line 9.
    private const string Scenario = """
        name: variants
        start_month: 2027-01
        horizon_months: 12
        models: {small: claude-haiku-4-5}
        features:
          - id: chat
            model: small
            input_tokens: 400
            output_tokens: 250
        """;

    private static InMemoryInputFiles Files(string scenario, string evals = Evals) =>
        new(new Dictionary<string, string>
        {
            [Path.GetFullPath(Folder + "/scenario.yaml")] = scenario,
            [Path.GetFullPath(Folder + "/evals.csv")] = evals,
        });

    private static ScenarioDocument Read(string scenario, string evals = Evals) =>
        ScenarioReader.ReadFile(Folder + "/scenario.yaml", files: Files(scenario, evals));

    private static IReadOnlyList<InputProblem> Problems(string scenario, string evals = Evals) =>
        Assert.Throws<InvalidInputException>(() => Read(scenario, evals)).Problems;

    private static string WithVariants(string variants) =>
        Scenario + "\n    variants:\n" + string.Join('\n', variants.Split('\n').Select(line => "      " + line));

    [Fact]
    public void Read_WithoutNewKeys_NoQualityNoVariants()
    {
        var scenario = Read(Scenario).Base;

        Assert.Null(scenario.Quality);
        Assert.Empty(Assert.Single(scenario.Features).Variants);
    }

    [Fact]
    public void Read_QualityEvals_ReadsFileBesideScenario()
    {
        var quality = Read(Scenario + "\nquality: {evals: evals.csv}").Base.Quality!;

        Assert.Equal(Path.GetFullPath(Folder + "/evals.csv"), quality.EvalsFile);
        Assert.Equal(0.8, quality.Evals.Find("chat")!.Models["claude-haiku-4-5"].Value);
        Assert.Equal("quality", quality.Source.Path);
    }

    [Fact]
    public void Capture_QualityEvals_BundlesEvalFile()
    {
        var bundle = ScenarioBundle.Capture(Folder + "/scenario.yaml",
            files: Files(Scenario + "\nquality: {evals: evals.csv}"));

        Assert.Contains(Path.GetFullPath(Folder + "/evals.csv"), bundle.Files.Keys);
        Assert.NotNull(bundle.Read().Base.Quality);
    }

    [Fact]
    public void Read_MissingEvalFile_ReportsPathAndLine()
    {
        var problem = Assert.Single(Problems(Scenario + "\nquality: {evals: none.csv}"));

        Assert.Equal("quality.evals", problem.Path);
        Assert.Equal(10, problem.Line);
        Assert.StartsWith("file not found", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidEvalFile_ReportsEvalLine()
    {
        var problem = Assert.Single(Problems(Scenario + "\nquality: {evals: evals.csv}",
            "feature,model,pass_rate,items\nchat,claude-haiku-4-5,1.5,50\n"));

        Assert.Equal(Path.GetFullPath(Folder + "/evals.csv"), problem.File);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Read_QualityUnknownKey_Rejected()
    {
        var problem = Assert.Single(Problems(Scenario + "\nquality: {evals: evals.csv, eval: x.csv}"));

        Assert.Equal("quality.eval", problem.Path);
        Assert.Contains("unknown key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Variant_ReplacesOnlyItsKeys()
    {
        var feature = Assert.Single(Read(WithVariants("short: {input_tokens: 100}")).Base.Features);

        var variant = Assert.Single(feature.Variants);
        Assert.Equal("short", variant.Name);
        Assert.Equal("chat", variant.Feature.Id);
        Assert.Equal("100", variant.Feature.InputTokens.Written);
        Assert.Equal("250", variant.Feature.OutputTokens.Written);
        Assert.Equal("small", variant.Feature.Model);
        Assert.Equal("400", feature.InputTokens.Written);
    }

    [Fact]
    public void Read_VariantUnknownKey_ReportsVariantPath()
    {
        var problem = Assert.Single(Problems(WithVariants("short: {input_tokenz: 100}")));

        Assert.Equal("features[0].variants.short.input_tokenz", problem.Path);
        Assert.Equal(11, problem.Line);
        Assert.Contains("did you mean 'input_tokens'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VariantBadValue_ReportsVariantPath()
    {
        var problem = Assert.Single(Problems(WithVariants("short:\n  input_tokens: {lognormal: {mu: 6, sigma: 0}}")));

        Assert.Equal("features[0].variants.short.input_tokens.lognormal.sigma", problem.Path);
        Assert.Equal(12, problem.Line);
        Assert.Equal("0", problem.Value);
    }

    [Fact]
    public void Read_VariantRemovesRequiredKey_ReportsMissing()
    {
        var problem = Assert.Single(Problems(WithVariants("short: {output_tokens: null}")));

        Assert.Equal("features[0].variants.short.output_tokens", problem.Path);
        Assert.Contains("missing required key 'output_tokens'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short: {id: other}", "features[0].variants.short.id", "unknown key")]
    [InlineData("short: {variants: {a: {output_tokens: 1}}}", "features[0].variants.short.variants", "unknown key")]
    [InlineData("Short: {output_tokens: 1}", "features[0].variants.Short", "invalid id")]
    [InlineData("short: 3", "features[0].variants.short", "expected a mapping of the feature keys")]
    [InlineData("short: {}", "features[0].variants.short", "empty variant")]
    [InlineData("small: {output_tokens: 1}", "features[0].variants.small", "also a tier name")]
    [InlineData("claude-haiku-4-5: {output_tokens: 1}", "features[0].variants.claude-haiku-4-5", "also a model or alias")]
    public void Read_BadVariant_Rejected(string variants, string path, string message)
    {
        var problem = Assert.Single(Problems(WithVariants(variants)));

        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_VariantsNotMapping_Rejected()
    {
        var problem = Assert.Single(Problems(Scenario + "\n    variants: [short]"));

        Assert.Equal("features[0].variants", problem.Path);
    }

    [Fact]
    public void Read_VariantUnknownModel_ReportedOnce()
    {
        var problems = Assert.Throws<InvalidInputException>(() => ScenarioBundle.Capture(Folder + "/scenario.yaml",
            files: Files(WithVariants("big: {model: claude-sonet-4-5}")))).Problems;

        var problem = Assert.Single(problems);
        Assert.Equal("features[0].variants.big.model", problem.Path);
    }

    [Fact]
    public void Read_SetOnVariantPath_ChangesVariant()
    {
        var text = WithVariants("short: {input_tokens: 100}") + "\nset:\n  features.chat.variants.short.input_tokens: 50";

        var variant = Assert.Single(Assert.Single(Read(text).Base.Features).Variants);

        Assert.Equal("50", variant.Feature.InputTokens.Written);
    }
}
