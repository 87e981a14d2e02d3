using static System.FormattableString;

namespace Tokencast.Core.Calibration;

/// <summary>
/// Fits a log-normal, a log-normal body with Pareto tail and the empirical distribution to one token
/// column, and chooses one for the scenario.
/// </summary>
/// <remarks>
/// Choice rule: the parametric candidate with the lowest score (KS distance plus |relative p99
/// error|) wins when its KS distance and p99 error are within the limits of
/// <see cref="CalibrationOptions"/> and the zero share is small enough to leave out. Otherwise the
/// empirical distribution wins, because it reproduces the data, zeros included.
/// </remarks>
public static class TokenDistributionFitter
{
    private const double TailProbability = 0.99;

    /// <summary>Fits the candidates to <paramref name="values"/> and chooses one.</summary>
    /// <exception cref="ArgumentException">A value is negative.</exception>
    public static TokenFitReport Fit(
        TokenKind kind, IReadOnlyCollection<long> values, CalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(options);
        if (values.Any(v => v < 0))
        {
            throw new ArgumentException("Token counts must not be negative.", nameof(values));
        }

        var zeroCount = values.Count(v => v == 0);
        var positive = values.Where(v => v > 0).Select(v => (double)v).ToList();
        if (positive.Count == 0)
        {
            var reason = values.Count == 0 ? "no values" : "every value is 0";
            return new TokenFitReport(kind, values.Count, zeroCount, [], null, reason, []);
        }

        var sample = new EmpiricalDistribution(positive);
        var skipped = new List<string>();
        var parametric = FitParametric(sample, options, skipped);
        var selfComparison = GoodnessOfFit.Compare(sample, sample, Probabilities(options));
        var empirical = new FitCandidate(sample, selfComparison, 0);
        var report = new TokenFitReport(
            kind, values.Count, zeroCount, [.. parametric, empirical], null, "", skipped);
        var (chosen, choiceReason) = Choose(report, parametric, empirical, options);
        return report with { Chosen = chosen, ChoiceReason = choiceReason };
    }

    private static List<FitCandidate> FitParametric(
        EmpiricalDistribution sample, CalibrationOptions options, List<string> skipped)
    {
        var candidates = new List<FitCandidate>();
        var probabilities = Probabilities(options);
        if (sample.SortedValues.Distinct().Take(2).Count() < 2)
        {
            skipped.Add("lognormal: all positive values are equal");
            skipped.Add("lognormal_pareto: all positive values are equal");
            return candidates;
        }

        var logNormal = LogNormalFit.Estimate(sample.SortedValues.ToArray());
        candidates.Add(Score(logNormal, GoodnessOfFit.Compare(sample, logNormal, probabilities)));

        var spliced = LogNormalParetoFit.TryFit(
            sample, options.TailFrom, options.MinimumTailCount, out var reason);
        if (spliced is null)
        {
            skipped.Add($"lognormal_pareto: {reason}");
        }
        else
        {
            candidates.Add(Score(spliced, GoodnessOfFit.Compare(sample, spliced, probabilities)));
        }

        return candidates;
    }

    private static FitCandidate Score(IFittedDistribution distribution, FitQuality quality)
    {
        var tailError = Math.Abs(quality.At(TailProbability)!.RelativeError);
        return new FitCandidate(distribution, quality, quality.KolmogorovSmirnovDistance + tailError);
    }

    private static (FitCandidate Chosen, string Reason) Choose(
        TokenFitReport report,
        List<FitCandidate> parametric,
        FitCandidate empirical,
        CalibrationOptions options)
    {
        if (report.ZeroShare > options.MaxIgnoredZeroShare)
        {
            return (empirical, Invariant(
                $"zero share {report.ZeroShare:0.####} exceeds {options.MaxIgnoredZeroShare:0.####}")
                + ", and only the empirical distribution keeps the zeros");
        }

        var best = parametric.MinBy(c => c.Score);
        if (best is null)
        {
            return (empirical, "no parametric fit was possible");
        }

        var distance = best.Quality.KolmogorovSmirnovDistance;
        var tailError = Math.Abs(best.Quality.At(TailProbability)!.RelativeError);
        if (distance <= options.MaxKolmogorovSmirnovDistance && tailError <= options.MaxTailQuantileError)
        {
            return (best, Invariant($"{best.Distribution.Name} has the lowest score {best.Score:0.####} ")
                + Invariant($"(KS {distance:0.####}, p99 error {tailError:P1})"));
        }

        return (empirical, Invariant($"the best parametric fit {best.Distribution.Name} ")
            + Invariant($"has KS {distance:0.####} (limit {options.MaxKolmogorovSmirnovDistance:0.####}) ")
            + Invariant($"and p99 error {tailError:P1} ")
            + Invariant($"(limit {options.MaxTailQuantileError:P0})"));
    }

    private static IReadOnlyList<double> Probabilities(CalibrationOptions options) =>
        options.QuantileProbabilities.Contains(TailProbability)
            ? options.QuantileProbabilities
            : [.. options.QuantileProbabilities, TailProbability];
}
