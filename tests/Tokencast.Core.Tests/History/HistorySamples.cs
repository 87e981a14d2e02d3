using System.Collections.Immutable;
using Tokencast.Core.Forecasting;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;

namespace Tokencast.Core.Tests.History;

/// <summary>Small scenario inputs and drafts for history tests.</summary>
internal static class HistorySamples
{
    public const string MainFile = "/plans/platform.yaml";

    public const string Scenario = """
        name: platform
        start_month: 2027-01
        features:
          - id: chat
            model: gpt-4o-mini
            input_tokens: 400
        """;

    public static VersionInputs Inputs(string scenario = Scenario, int trials = 1000, ulong seed = 42) =>
        new(
            new ScenarioBundle(MainFile, ImmutableSortedDictionary.CreateRange(
                StringComparer.Ordinal, [KeyValuePair.Create(MainFile, scenario)]), null),
            [],
            trials,
            seed);

    public static ForecastVersionDraft Draft(
        ForecastResult result, VersionInputs? inputs = null, DateOnly? cutOff = null, string name = "platform") =>
        ForecastVersionDraft.Create(name, cutOff, inputs ?? Inputs(), [], "", result);
}
