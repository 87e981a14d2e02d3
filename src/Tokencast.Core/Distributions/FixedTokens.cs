using System.Globalization;
using Tokencast.Core.Randomness;

namespace Tokencast.Core.Distributions;

internal sealed class FixedTokens : TokenDistribution
{
    private readonly double _tokens;

    public FixedTokens(double tokens, double? max)
        : base(max)
    {
        if (!(tokens >= 0) || double.IsInfinity(tokens))
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "Token counts must be zero or more.");
        }

        _tokens = tokens;
    }

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"fixed({_tokens:R}{CapText()})");

    public override TokenDistribution WithMax(double? max) => new FixedTokens(_tokens, max);

    private protected override double SampleUncapped(StableRandom random) => _tokens;
}
