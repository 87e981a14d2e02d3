using System.Globalization;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Distributions;

/// <summary>Resamples observed values with equal weight (the bootstrap distribution of a log).</summary>
internal sealed class EmpiricalTokens : TokenDistribution
{
    private readonly double[] _values;
    private readonly ulong _digest;

    public EmpiricalTokens(IReadOnlyList<double> values, double? max)
        : base(max)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("An empirical distribution needs at least one value.", nameof(values));
        }

        _values = new double[values.Count];
        var digest = 0UL;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (!(value >= 0) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, $"Value {i} must be zero or more tokens.");
            }

            _values[i] = value;
            digest = StreamKey.Combine(digest, BitConverter.DoubleToUInt64Bits(value));
        }

        _digest = digest;
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"empirical(n={_values.Length},digest={_digest:X16}{CapText()})");

    public override TokenDistribution WithMax(double? max) => new EmpiricalTokens(_values, max);

    private protected override double SampleUncapped(StableRandom random) =>
        _values[random.NextBelow((ulong)_values.Length)];
}
