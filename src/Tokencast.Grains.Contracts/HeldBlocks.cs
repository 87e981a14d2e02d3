using System.Collections.Immutable;

namespace Tokencast.Grains;

/// <summary>The blocks of trials a branch aggregator holds.</summary>
/// <param name="Blocks">Block indexes held, ascending.</param>
[GenerateSerializer, Immutable, Alias("tokencast.held-blocks.v1")]
public sealed record HeldBlocks([property: Id(0)] ImmutableArray<int> Blocks);
