namespace Tokencast.Core.Scenarios;

/// <summary>Allowed interval of a number, with the wording used in error messages.</summary>
internal sealed record ValueRange(
    double? Min,
    bool MinExclusive,
    double? Max,
    bool MaxExclusive,
    string Description)
{
    public static readonly ValueRange Any = new(null, false, null, false, "a number");

    public static readonly ValueRange Probability = new(0, false, 1, false, "a number from 0 to 1");

    public static readonly ValueRange NonNegative = new(0, false, null, false, "a number >= 0");

    public static readonly ValueRange Positive = new(0, true, null, false, "a number > 0");

    public static readonly ValueRange AboveMinusOne = new(-1, true, null, false, "a number > -1");

    public static readonly ValueRange OpenUnitInterval = new(0, true, 1, true, "a number between 0 and 1, exclusive");

    public static readonly ValueRange NonNegativeInteger = new(0, false, null, false, "a whole number >= 0");

    public static readonly ValueRange PositiveInteger = new(1, false, null, false, "a whole number >= 1");

    /// <summary>Monte Carlo trials per branch, as on the command line.</summary>
    public static readonly ValueRange Trials = new(1, false, 10_000_000, false, "a whole number from 1 to 10,000,000");

    /// <summary>
    /// A run seed. It is stored as a signed 64-bit number, so seeds from 0 to 2^63 - 1 are accepted; larger
    /// seeds can be given with --seed.
    /// </summary>
    public static readonly ValueRange Seed = new(0, false, long.MaxValue, false, "a whole number from 0 to 9,223,372,036,854,775,807");

    public static readonly ValueRange TokenCount =
        new(0, false, 10_000_000, false, "a token count from 0 to 10,000,000");

    public static readonly ValueRange PositiveTokenCount =
        new(0, true, 10_000_000, false, "a token count > 0 and at most 10,000,000");

    public static readonly ValueRange WholeTokenCount =
        new(0, false, 10_000_000, false, "a whole number of tokens from 0 to 10,000,000");

    /// <summary>Range of log-normal sigma. Above 10, a p99 is over 10^10 times the median.</summary>
    public static readonly ValueRange Sigma = new(0, true, 10, false, "a number > 0 and at most 10");

    public static readonly ValueRange CountMean = new(0, true, 1_000, false, "a number > 0 and at most 1,000");

    public static readonly ValueRange GeometricCountMean = new(1, false, 1_000, false, "a number from 1 to 1,000");

    public static readonly ValueRange FixedCount = new(0, false, 1_000, false, "a whole number from 0 to 1,000");

    public static readonly ValueRange CountBound = new(0, false, 10_000, false, "a whole number from 0 to 10,000");

    public static readonly ValueRange Users = new(0, false, 1e10, false, "a number from 0 to 10,000,000,000");

    public static readonly ValueRange TasksPerUser = new(0, false, 1e6, false, "a number from 0 to 1,000,000");

    public static readonly ValueRange Money = new(0, false, 1e12, false, "an amount in USD from 0 to 10^12");

    public static readonly ValueRange HorizonMonths = new(1, false, 120, false, "a whole number from 1 to 120");

    public bool Contains(double value) =>
        !double.IsNaN(value)
        && (Min is not { } min || (MinExclusive ? value > min : value >= min))
        && (Max is not { } max || (MaxExclusive ? value < max : value <= max));

    /// <summary>Returns the smallest allowed value when the interval is closed at the bottom, else null.</summary>
    public double? InclusiveMin => MinExclusive ? null : Min;

    /// <summary>Returns the largest allowed value when the interval is closed at the top, else null.</summary>
    public double? InclusiveMax => MaxExclusive ? null : Max;
}
