namespace Tokencast.Core.Scenarios;

/// <summary>Draws token counts per call from a validated <see cref="TokenDistributionSpec"/>.</summary>
public sealed class TokenSampler
{
    private readonly Func<double> _draw;
    private readonly double _max;

    internal TokenSampler(Func<double> draw, double max)
    {
        _draw = draw;
        _max = max;
    }

    /// <summary>Draws one token count, capped at the distribution's <c>max</c>. Not rounded to whole tokens.</summary>
    public double Sample() => Math.Min(_draw(), _max);
}
