using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire form of <see cref="FeatureBlock"/>: its shape and its values in one array.</summary>
[GenerateSerializer, Alias("tokencast.feature-block.v1")]
internal struct FeatureBlockSurrogate
{
    [Id(0)] public int Cohorts;

    [Id(1)] public int CostLines;

    [Id(2)] public int Months;

    [Id(3)] public int FirstTrial;

    [Id(4)] public int TrialCount;

    [Id(5)] public double[] Values;
}

/// <summary>Converts <see cref="FeatureBlock"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class FeatureBlockConverter : IConverter<FeatureBlock, FeatureBlockSurrogate>
{
    public FeatureBlock ConvertFromSurrogate(in FeatureBlockSurrogate surrogate) =>
        new(surrogate.Cohorts, surrogate.CostLines, surrogate.Months, surrogate.FirstTrial, surrogate.TrialCount, surrogate.Values);

    public FeatureBlockSurrogate ConvertToSurrogate(in FeatureBlock value) =>
        new()
        {
            Cohorts = value.Cohorts,
            CostLines = value.CostLines,
            Months = value.Months,
            FirstTrial = value.FirstTrial,
            TrialCount = value.TrialCount,
            Values = value.Values.ToArray(),
        };
}
