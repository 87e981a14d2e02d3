using System.Collections.Immutable;
using Tokencast.Core.Forecasting;

namespace Tokencast.Grains;

/// <summary>The bands of one branch's total spend over the trials received so far.</summary>
/// <param name="Branch">Branch name.</param>
/// <param name="Trials">Trials the bands are taken over.</param>
/// <param name="Monthly">Total spend per month.</param>
/// <param name="Horizon">Total spend over the horizon.</param>
[GenerateSerializer, Immutable, Alias("tokencast.branch-progress.v1")]
public sealed record BranchProgress(
    [property: Id(0)] string Branch,
    [property: Id(1)] int Trials,
    [property: Id(2)] ImmutableArray<MonthBand> Monthly,
    [property: Id(3)] Band Horizon);
