namespace Tokencast.Grains.Placement;

/// <summary>
/// Places the grain whose key ends in "/i" on active silo i modulo the number of silos, in address order,
/// so that a run's lanes and branch aggregators spread evenly over the cluster.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("tokencast.spread-placement.v1")]
public sealed class SpreadPlacement : PlacementStrategy
{
    /// <summary>The one instance the attribute uses.</summary>
    public static SpreadPlacement Instance { get; } = new();
}
