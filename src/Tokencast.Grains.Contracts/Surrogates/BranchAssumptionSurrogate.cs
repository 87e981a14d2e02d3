using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="BranchAssumption"/>.</summary>
[GenerateSerializer, Alias("tokencast.branch-assumption.v1")]
internal struct BranchAssumptionSurrogate
{
    [Id(0)] public string Path;

    [Id(1)] public string BaseValue;

    [Id(2)] public string BranchValue;
}

/// <summary>Converts <see cref="BranchAssumption"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class BranchAssumptionConverter : IConverter<BranchAssumption, BranchAssumptionSurrogate>
{
    public BranchAssumption ConvertFromSurrogate(in BranchAssumptionSurrogate surrogate) =>
        new(
            surrogate.Path,
            surrogate.BaseValue,
            surrogate.BranchValue);

    public BranchAssumptionSurrogate ConvertToSurrogate(in BranchAssumption value) =>
        new()
        {
            Path = value.Path,
            BaseValue = value.BaseValue,
            BranchValue = value.BranchValue,
        };
}
