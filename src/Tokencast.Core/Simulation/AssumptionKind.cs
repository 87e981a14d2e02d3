namespace Tokencast.Core.Simulation;

/// <summary>How the simulation bounds a drawn trial-level assumption.</summary>
internal enum AssumptionKind
{
    /// <summary>A count such as users or tasks per active user, at 0 or more.</summary>
    Count,

    /// <summary>An adoption share, in [0, 1].</summary>
    Adoption,

    /// <summary>A rate g per month such as growth or a price change, used as the factor 1 + g at 0 or more.</summary>
    Rate,
}
