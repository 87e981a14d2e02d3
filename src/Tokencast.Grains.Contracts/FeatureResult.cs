using System.Collections.Immutable;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains;

/// <summary>One feature's spend for a block of trials, one block per branch of the plan (null where the branch lacks it).</summary>
/// <param name="Blocks">Per branch, in plan order.</param>
[GenerateSerializer, Immutable, Alias("tokencast.feature-result.v1")]
public sealed record FeatureResult([property: Id(0)] ImmutableArray<FeatureBlock?> Blocks);
