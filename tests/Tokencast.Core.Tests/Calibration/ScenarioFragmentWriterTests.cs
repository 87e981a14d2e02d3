using Tokencast.Core.Calibration;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Tests.Calibration;

public class ScenarioFragmentWriterTests
{
    [Fact]
    public void Write_MooncakeAndAzure_ParsesWithExpectedKeys()
    {
        var observations = TraceFiles.ReadMooncakeJsonl(TraceFiles.MooncakeConversation, "mooncake-conv")
            .Concat(TraceFiles.ReadAzureCsv(TraceFiles.AzureCode, "azure-code"))
            .ToList();
        var report = Calibrator.Calibrate(observations);

        var features = ParseFeatures(WriteFragment(report));

        Assert.Equal(2, features.Children.Count);
        var mooncake = (YamlMappingNode)features.Children[0];
        Assert.Equal("mooncake-conv", Scalar(mooncake, "id"));
        Assert.Single(DistributionKeys(mooncake, "input_tokens"));
        Assert.Single(DistributionKeys(mooncake, "output_tokens"));
        var cache = (YamlMappingNode)mooncake.Children[new YamlScalarNode("cache")];
        Assert.Equal("prompt_share", Scalar(cache, "prefix"));
        Assert.Equal("0.2812", Scalar(cache, "hit_rate"));
        Assert.Equal("5m", Scalar(cache, "write_ttl"));
        var azure = (YamlMappingNode)features.Children[1];
        Assert.Equal("azure-code", Scalar(azure, "id"));
        Assert.False(azure.Children.ContainsKey(new YamlScalarNode("cache")));
        Assert.False(azure.Children.ContainsKey(new YamlScalarNode("conversation")));
    }

    [Fact]
    public void Write_ChosenDistribution_WritesItsParameters()
    {
        var report = Calibrator.Calibrate(TraceFiles.ReadAzureCsv(TraceFiles.AzureConversation, "conv"));
        var chosen = report.Features[0].InputTokens.Chosen!.Distribution;

        var feature = (YamlMappingNode)ParseFeatures(WriteFragment(report)).Children[0];

        var input = (YamlMappingNode)feature.Children[new YamlScalarNode("input_tokens")];
        var form = Assert.Single(input.Children);
        Assert.Equal(chosen.Name, ((YamlScalarNode)form.Key).Value);
        var parameters = (YamlMappingNode)form.Value;
        var expectedKeys = chosen is EmpiricalDistribution ? ["file", "column"]
            : DistributionParameters.Of(chosen).Select(p => p.Key).ToArray();
        Assert.Equal(expectedKeys, parameters.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void Write_TurnsAndEmpirical_WritesConversationAndFileReference()
    {
        // Five conversations of 1, 1, 2, 4 and 2 turns; 10 requests, a third of them with 0 output tokens.
        string[] conversations = ["a", "b", "c", "c", "d", "d", "d", "d", "e", "e"];
        var observations = conversations
            .Select((id, i) => new TokenObservation(
                "chat", id, null, 100 + i, i % 3 == 0 ? 0 : 50 + i, null, null, i + 1))
            .ToList();
        var report = Calibrator.Calibrate(observations);

        var feature = (YamlMappingNode)ParseFeatures(WriteFragment(report)).Children[0];

        var conversation = (YamlMappingNode)feature.Children[new YamlScalarNode("conversation")];
        var turns = (YamlMappingNode)conversation.Children[new YamlScalarNode("turns")];
        var geometric = (YamlMappingNode)turns.Children[new YamlScalarNode("geometric")];
        Assert.Equal("2", Scalar(geometric, "mean"));
        Assert.Equal("true", Scalar(conversation, "resend_history"));
        var output = (YamlMappingNode)feature.Children[new YamlScalarNode("output_tokens")];
        var empirical = (YamlMappingNode)output.Children[new YamlScalarNode("empirical")];
        Assert.Equal("samples/chat.csv", Scalar(empirical, "file"));
        Assert.Equal("output_tokens", Scalar(empirical, "column"));
    }

    [Fact]
    public void Write_OverDispersedTurns_WritesNegativeBinomial()
    {
        // Seven one-turn conversations and one of nine: dispersion 1/7 (see ConversationTurnsFitterTests).
        string[] conversations = ["a", "b", "c", "d", "e", "f", "g", .. Enumerable.Repeat("h", 9)];
        var observations = conversations
            .Select((id, i) => new TokenObservation("chat", id, null, 100 + i, 10 + i, 0, null, i + 1))
            .ToList();
        var report = Calibrator.Calibrate(observations);

        var feature = (YamlMappingNode)ParseFeatures(WriteFragment(report)).Children[0];

        var conversation = (YamlMappingNode)feature.Children[new YamlScalarNode("conversation")];
        var turns = (YamlMappingNode)conversation.Children[new YamlScalarNode("turns")];
        var negativeBinomial = (YamlMappingNode)turns.Children[new YamlScalarNode("negative_binomial")];
        Assert.Equal("2", Scalar(negativeBinomial, "mean"));
        Assert.Equal("0.1429", Scalar(negativeBinomial, "dispersion"));
        Assert.Equal("1", Scalar(negativeBinomial, "min"));
        // Every reasoning count is 0, which only a fixed value expresses.
        var reasoning = (YamlMappingNode)feature.Children[new YamlScalarNode("reasoning_tokens")];
        Assert.Equal("0", Scalar(reasoning, "fixed"));
    }

    private static string WriteFragment(CalibrationReport report)
    {
        using var writer = new StringWriter();
        ScenarioFragmentWriter.Write(report, writer, feature => $"samples/{feature}.csv");
        return writer.ToString();
    }

    private static YamlSequenceNode ParseFeatures(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return (YamlSequenceNode)root.Children[new YamlScalarNode("features")];
    }

    private static ICollection<YamlNode> DistributionKeys(YamlMappingNode feature, string key) =>
        ((YamlMappingNode)feature.Children[new YamlScalarNode(key)]).Children.Keys;

    private static string? Scalar(YamlMappingNode node, string key) =>
        ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value;
}
