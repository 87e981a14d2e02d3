using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire form of <see cref="CohortBlock"/>: its shape and its values in one array.</summary>
[GenerateSerializer, Alias("tokencast.cohort-block.v1")]
internal struct CohortBlockSurrogate
{
    [Id(0)] public int Months;

    [Id(1)] public int Features;

    [Id(2)] public int FirstTrial;

    [Id(3)] public int TrialCount;

    [Id(4)] public double[] Values;
}

/// <summary>Converts <see cref="CohortBlock"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class CohortBlockConverter : IConverter<CohortBlock, CohortBlockSurrogate>
{
    public CohortBlock ConvertFromSurrogate(in CohortBlockSurrogate surrogate) =>
        new(surrogate.Months, surrogate.Features, surrogate.FirstTrial, surrogate.TrialCount, surrogate.Values);

    public CohortBlockSurrogate ConvertToSurrogate(in CohortBlock value) =>
        new()
        {
            Months = value.Months,
            Features = value.Features,
            FirstTrial = value.FirstTrial,
            TrialCount = value.TrialCount,
            Values = value.Values.ToArray(),
        };
}
