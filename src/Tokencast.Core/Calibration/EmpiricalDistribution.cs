using MathNet.Numerics.Statistics;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Empirical distribution of observed values. Quantiles use Hyndman and Fan definition 7
/// (<see cref="QuantileDefinition.R7"/>, the default of R and NumPy): linear interpolation between
/// order statistics at position (n − 1)p.
/// </summary>
public sealed class EmpiricalDistribution : IFittedDistribution
{
    private readonly double[] _sorted;

    /// <summary>Creates the distribution from at least one finite value.</summary>
    public EmpiricalDistribution(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _sorted = values.ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("At least one value is required.", nameof(values));
        }

        if (_sorted.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("All values must be finite.", nameof(values));
        }

        Array.Sort(_sorted);
        Mean = _sorted.Average();
    }

    /// <inheritdoc/>
    public string Name => "empirical";

    /// <inheritdoc/>
    public double Mean { get; }

    /// <summary>Number of values.</summary>
    public int Count => _sorted.Length;

    /// <summary>Values in ascending order.</summary>
    public IReadOnlyList<double> SortedValues => _sorted;

    /// <summary>Computes the share of values at or below <paramref name="x"/>.</summary>
    public double CumulativeDistribution(double x)
    {
        var index = Array.BinarySearch(_sorted, x);
        if (index < 0)
        {
            return (double)~index / _sorted.Length;
        }

        while (index + 1 < _sorted.Length && _sorted[index + 1] == x)
        {
            index++;
        }

        return (double)(index + 1) / _sorted.Length;
    }

    /// <summary>Computes the R7 quantile at <paramref name="probability"/>.</summary>
    public double InverseCumulativeDistribution(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        return SortedArrayStatistics.QuantileCustom(_sorted, probability, QuantileDefinition.R7);
    }
}
