using Tokencast.Core.Forecasting;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Tests.Forecasting;

public class RadixSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1_000)]
    [InlineData(10_001)]
    public void Sort_RandomMixedValues_MatchesArraySort(int count)
    {
        var random = new StableRandom((ulong)count + 5);
        var values = Enumerable.Range(0, count).Select(i => (i % 7) switch
        {
            0 => -random.NextDouble() * 1e6,
            1 => 0.0,
            2 => -0.0,
            3 => Math.Round(random.NextDouble() * 10),
            4 => random.NextDouble() * 1e-9,
            5 => double.PositiveInfinity,
            _ => random.NextDouble() * 1e12,
        }).ToArray();
        var expected = values.Order().ToArray();

        RadixSort.Sort(values, new double[count]);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Sort_AllEqual_LeavesValues()
    {
        var values = Enumerable.Repeat(42.5, 100).ToArray();

        RadixSort.Sort(values, new double[100]);

        Assert.All(values, v => Assert.Equal(42.5, v));
    }

    [Fact]
    public void Sort_ShortBuffer_Rejected()
    {
        Assert.Throws<ArgumentException>(() => RadixSort.Sort(new double[10], new double[9]));
    }
}
