using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire form of <see cref="BranchSamples"/>: its shape and its values.</summary>
[GenerateSerializer, Alias("tokencast.branch-samples.v1")]
internal struct BranchSamplesSurrogate
{
    [Id(0)] public int Features;

    [Id(1)] public int Cohorts;

    [Id(2)] public int CostLines;

    [Id(3)] public int Months;

    [Id(4)] public int FirstTrial;

    [Id(5)] public int TrialCount;

    [Id(6)] public double[] Spend;

    [Id(7)] public double[] Tasks;
}

/// <summary>Converts <see cref="BranchSamples"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class BranchSamplesConverter : IConverter<BranchSamples, BranchSamplesSurrogate>
{
    public BranchSamples ConvertFromSurrogate(in BranchSamplesSurrogate surrogate) =>
        new(
            surrogate.Features,
            surrogate.Cohorts,
            surrogate.CostLines,
            surrogate.Months,
            surrogate.FirstTrial,
            surrogate.TrialCount,
            surrogate.Spend,
            surrogate.Tasks);

    public BranchSamplesSurrogate ConvertToSurrogate(in BranchSamples value) =>
        new()
        {
            Features = value.Features,
            Cohorts = value.Cohorts,
            CostLines = value.CostLines,
            Months = value.Months,
            FirstTrial = value.FirstTrial,
            TrialCount = value.TrialCount,
            Spend = value.SpendValues.ToArray(),
            Tasks = value.TaskValues.ToArray(),
        };
}
