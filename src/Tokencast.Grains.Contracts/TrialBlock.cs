namespace Tokencast.Grains;

/// <summary>One block of a run's trials: [<paramref name="FirstTrial"/>, first + <paramref name="TrialCount"/>).</summary>
/// <param name="Index">Block number, from 0.</param>
/// <param name="FirstTrial">First trial of the block.</param>
/// <param name="TrialCount">Trials in the block.</param>
[GenerateSerializer, Immutable, Alias("tokencast.trial-block.v1")]
public sealed record TrialBlock(
    [property: Id(0)] int Index,
    [property: Id(1)] int FirstTrial,
    [property: Id(2)] int TrialCount);
