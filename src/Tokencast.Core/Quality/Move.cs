namespace Tokencast.Core.Quality;

/// <summary>The change in cost and quality from the current operating point to another one.</summary>
/// <param name="Target">The point moved to.</param>
/// <param name="CostDeltaUsd">Target mean cost per task minus the current one; negative saves money.</param>
/// <param name="RelativeCostChange">
/// <paramref name="CostDeltaUsd"/> over the current mean cost (−0.4 is 40 % cheaper), or null when the
/// current cost is 0.
/// </param>
/// <param name="QualityDelta">Target quality minus the current quality; negative loses quality.</param>
public sealed record Move(
    OperatingPoint Target, double CostDeltaUsd, double? RelativeCostChange, double QualityDelta)
{
    /// <summary>Measures the move from <paramref name="current"/> to <paramref name="target"/>.</summary>
    public static Move Between(OperatingPoint current, OperatingPoint target)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(target);
        var costDelta = target.CostUsd - current.CostUsd;
        double? relative = current.CostUsd == 0 ? null : costDelta / current.CostUsd;
        return new Move(target, costDelta, relative, target.QualityValue - current.QualityValue);
    }
}
