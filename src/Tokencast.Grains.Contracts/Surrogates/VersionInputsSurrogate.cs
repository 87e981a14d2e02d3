using System.Collections.Immutable;
using Tokencast.Core.History;
using Tokencast.Core.Inputs;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="VersionInputs"/> and its scenario bundle.</summary>
[GenerateSerializer, Alias("tokencast.version-inputs.v1")]
internal struct VersionInputsSurrogate
{
    [Id(0)] public string MainFile;

    [Id(1)] public ImmutableDictionary<string, string> Files;

    [Id(2)] public string? CatalogFile;

    [Id(3)] public string[] Branches;

    [Id(4)] public int Trials;

    [Id(5)] public ulong Seed;
}

/// <summary>Converts <see cref="VersionInputs"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class VersionInputsConverter : IConverter<VersionInputs, VersionInputsSurrogate>
{
    public VersionInputs ConvertFromSurrogate(in VersionInputsSurrogate surrogate) =>
        new(
            new ScenarioBundle(
                surrogate.MainFile,
                surrogate.Files.ToImmutableSortedDictionary(StringComparer.Ordinal),
                surrogate.CatalogFile),
            surrogate.Branches,
            surrogate.Trials,
            surrogate.Seed);

    public VersionInputsSurrogate ConvertToSurrogate(in VersionInputs value) =>
        new()
        {
            MainFile = value.Scenario.MainFile,
            Files = value.Scenario.Files.ToImmutableDictionary(StringComparer.Ordinal),
            CatalogFile = value.Scenario.CatalogFile,
            Branches = [.. value.Branches],
            Trials = value.Trials,
            Seed = value.Seed,
        };
}
