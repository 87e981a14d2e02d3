namespace Tokencast.Core.Quality;

/// <summary>What a quality value measures, which also fixes how its interval is computed.</summary>
public enum QualityMeasure
{
    /// <summary>Share of items that passed, with the Wilson score interval.</summary>
    PassRate,

    /// <summary>
    /// Mean of per-item scores in [0, 1]; the interval is the Student t interval mean ± t·s/√n.
    /// </summary>
    MeanScore,
}
