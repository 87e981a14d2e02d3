using System.Collections.Immutable;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains;

/// <summary>One cohort's use of the product for a block of trials, one block per branch of the plan (null where the branch lacks it).</summary>
/// <param name="Blocks">Per branch, in plan order.</param>
[GenerateSerializer, Immutable, Alias("tokencast.cohort-result.v1")]
public sealed record CohortResult([property: Id(0)] ImmutableArray<CohortBlock?> Blocks);
