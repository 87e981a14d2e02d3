using Tokencast.Core.Forecasting;

namespace Tokencast.Grains.Tests;

public class ConvergenceTests
{
    // Each row: a band whose five percentiles all have `value` and standard error `error`. The expected
    // outcome is error <= tolerance * |value|, worked out by hand.
    [Theory]
    [InlineData(100, 1, 0.01, true)]
    [InlineData(100, 1.5, 0.01, false)]
    [InlineData(-200, 2, 0.01, true)]
    [InlineData(-200, 2.5, 0.01, false)]
    [InlineData(0, 0, 0.01, true)]
    [InlineData(0, 1e-9, 0.5, false)]
    [InlineData(100, double.NaN, 0.9, false)]
    [InlineData(100, 0, 0, true)]
    [InlineData(100, 1, 0, false)]
    public void IsConverged_OneBand_ComparesErrorWithTolerance(
        double value, double error, double tolerance, bool expected)
    {
        var branches = new[] { Branch("base", Flat(value, error)) };

        Assert.Equal(expected, Convergence.IsConverged(branches, tolerance));
    }

    // Each row: a band of value 100 with error 1 on every percentile except one, which has error 3. The
    // largest relative error is then 3 / 100, above a tolerance of 0.02.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void IsConverged_OnePercentileTooWide_IsFalse(int percentile)
    {
        var branches = new[] { Branch("base", OneWide(percentile)) };

        Assert.False(Convergence.IsConverged(branches, 0.02));
        Assert.True(Convergence.IsConverged(branches, 0.03));
        Assert.Equal(0.03, Convergence.LargestRelativeError(branches), 15);
    }

    [Fact]
    public void IsConverged_WideMean_IsIgnored()
    {
        var band = Flat(100, 1) with { StandardErrors = new BandErrors(1, 1, 1, 1, 1, 50) };

        Assert.True(Convergence.IsConverged([Branch("base", band)], 0.01));
    }

    [Fact]
    public void IsConverged_OneMonthTooWide_IsFalse()
    {
        var branch = Branch("base", Flat(100, 1), Flat(100, 1), Flat(10, 1));

        Assert.False(Convergence.IsConverged([branch], 0.05));
        Assert.Equal(0.1, Convergence.LargestRelativeError([branch]), 15);
    }

    [Fact]
    public void IsConverged_SecondBranchTooWide_IsFalse()
    {
        var branches = new[] { Branch("base", Flat(100, 1)), Branch("cheaper", Flat(100, 4)) };

        Assert.False(Convergence.IsConverged(branches, 0.03));
        Assert.True(Convergence.IsConverged(branches, 0.04));
    }

    [Fact]
    public void IsConverged_NoBranches_IsFalse()
    {
        Assert.False(Convergence.IsConverged([], 0.5));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void IsConverged_InvalidTolerance_Throws(double tolerance)
    {
        var branches = new[] { Branch("base", Flat(100, 1)) };

        Assert.Throws<ArgumentOutOfRangeException>(() => Convergence.IsConverged(branches, tolerance));
    }

    // Each row: one band with all percentiles at `value` and error `error`; expected is error / |value|,
    // with 0 / 0 taken as 0 and a positive error over 0 as infinity.
    [Theory]
    [InlineData(100, 1, 0.01)]
    [InlineData(-200, 5, 0.025)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 1, double.PositiveInfinity)]
    [InlineData(100, double.NaN, double.NaN)]
    public void LargestRelativeError_OneBand_IsErrorOverValue(double value, double error, double expected)
    {
        var branches = new[] { Branch("base", Flat(value, error)) };

        Assert.Equal(expected, Convergence.LargestRelativeError(branches), 15);
    }

    [Fact]
    public void LargestRelativeError_SeveralBranches_TakesTheLargest()
    {
        // Relative errors: 2 / 100 = 0.02 and 2 / 50 = 0.04 in the first branch, 5 / 1000 in the second.
        var branches = new[] { Branch("base", Flat(100, 2), Flat(50, 2)), Branch("cheaper", Flat(1000, 5)) };

        Assert.Equal(0.04, Convergence.LargestRelativeError(branches), 15);
    }

    [Fact]
    public void LargestRelativeError_NoBranches_IsNaN()
    {
        Assert.True(double.IsNaN(Convergence.LargestRelativeError([])));
    }

    /// <summary>Returns a band whose percentiles and mean all have the same value and error.</summary>
    private static Band Flat(double value, double error) =>
        new(value, value, value, value, value, value,
            new BandErrors(error, error, error, error, error, error));

    /// <summary>Returns a band of value 100 and error 1, but error 3 on one percentile (0 = P5, 4 = P95).</summary>
    private static Band OneWide(int percentile)
    {
        var errors = new double[5];
        Array.Fill(errors, 1);
        errors[percentile] = 3;
        var standardErrors = new BandErrors(errors[0], errors[1], errors[2], errors[3], errors[4], 1);
        return new Band(100, 100, 100, 100, 100, 100, standardErrors);
    }

    /// <summary>Returns a branch with a horizon band and one month per band of <paramref name="months"/>.</summary>
    private static BranchProgress Branch(string name, Band horizon, params Band[] months)
    {
        var monthly = months.Select((band, m) => new MonthBand(new DateOnly(2027, 1, 1).AddMonths(m), band));
        return new BranchProgress(name, 100, [.. monthly], horizon);
    }
}
