namespace Tokencast.Core.Forecasting;

/// <summary>The band of a quantity in one month.</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="Band">The distribution over trials.</param>
public sealed record MonthBand(DateOnly Month, Band Band);
