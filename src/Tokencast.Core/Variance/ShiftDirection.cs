namespace Tokencast.Core.Variance;

/// <summary>
/// Direction of a shift in cost per task.
/// </summary>
public enum ShiftDirection
{
    /// <summary>Cost per task rose, for example after an agent loop or a longer prompt was added.</summary>
    Up,

    /// <summary>Cost per task fell, for example after a move to a cheaper model or more cache reads.</summary>
    Down,
}
