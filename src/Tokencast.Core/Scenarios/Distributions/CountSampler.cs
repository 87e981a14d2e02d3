namespace Tokencast.Core.Scenarios;

/// <summary>Draws counts per task from a validated <see cref="CountDistributionSpec"/>.</summary>
public sealed class CountSampler
{
    private readonly Func<int> _draw;
    private readonly int _min;
    private readonly int _max;

    internal CountSampler(Func<int> draw, int min, int max)
    {
        _draw = draw;
        _min = min;
        _max = max;
    }

    /// <summary>Draws one count, kept within the distribution's <c>min</c> and <c>max</c>.</summary>
    public int Sample() => Math.Clamp(_draw(), _min, _max);
}
