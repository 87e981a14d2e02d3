namespace Tokencast.Core.Quality;

/// <summary>
/// Measures a cascade router on evaluated items: an item whose confidence is at or above the threshold
/// keeps the cheap model's result, and any other item is escalated and takes the strong model's result.
/// Only items with results from both models take part.
/// </summary>
public sealed class CascadeEvaluation
{
    // Differences of quality below this are rounding, not a gap between the models.
    private const double ZeroGap = 1e-12;

    private CascadeEvaluation(IReadOnlyList<CascadeItem> items, QualityMeasure measure, int droppedItems)
    {
        Items = items;
        Measure = measure;
        DroppedItems = droppedItems;
        CheapQuality = Estimate([.. items.Select(item => item.CheapScore)], measure);
        StrongQuality = Estimate([.. items.Select(item => item.StrongScore)], measure);
    }

    /// <summary>Items with results from both models, in the order of the cheap model's rows.</summary>
    public IReadOnlyList<CascadeItem> Items { get; }

    /// <summary>
    /// Items with a result from only one of the two models, left out of every figure here.
    /// </summary>
    public int DroppedItems { get; }

    /// <summary>Pass rate when every result is pass/fail, otherwise mean score.</summary>
    public QualityMeasure Measure { get; }

    /// <summary>Quality of the cheap model alone on <see cref="Items"/>.</summary>
    public EvalQuality CheapQuality { get; }

    /// <summary>Quality of the strong model alone on <see cref="Items"/>.</summary>
    public EvalQuality StrongQuality { get; }

    /// <summary>Q_strong − Q_cheap, the denominator of PGR.</summary>
    public double QualityGap => StrongQuality.Value - CheapQuality.Value;

    /// <summary>
    /// Pairs the per-item results of two models of one feature. Items only one model has are dropped
    /// and counted in <see cref="DroppedItems"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The feature or a model has no per-item results, no item has both models, or a paired item has no
    /// confidence. Every problem is listed.
    /// </exception>
    public static CascadeEvaluation Create(
        EvalResults results, string feature, string cheapModel, string strongModel)
    {
        ArgumentNullException.ThrowIfNull(results);
        var featureResults = results.Find(feature) ?? throw new InvalidInputException(new InputProblem(
            results.Source, null, null, feature,
            $"eval results have no feature '{feature}'; the file has "
            + string.Join(", ", results.Features.Select(f => $"'{f.Feature}'"))));

        var cheap = featureResults.ItemsOf(cheapModel);
        var strong = featureResults.ItemsOf(strongModel)
            .ToDictionary(result => result.Item, StringComparer.Ordinal);
        var problems = new List<InputProblem>();
        foreach (var (model, count) in new[] { (cheapModel, cheap.Count), (strongModel, strong.Count) })
        {
            if (count == 0)
            {
                problems.Add(new InputProblem(results.Source, null, feature, model,
                    $"feature '{feature}' has no per-item results for model '{model}'; a cascade needs "
                    + "per-item rows (item, passed or score) for both the cheap and the strong model"));
            }
        }

        var paired = cheap.Where(result => strong.ContainsKey(result.Item)).ToList();
        if (problems.Count == 0 && paired.Count == 0)
        {
            problems.Add(new InputProblem(results.Source, null, feature, null,
                $"no item of feature '{feature}' has results for both '{cheapModel}' and '{strongModel}'"));
        }

        foreach (var result in paired.Where(result => !featureResults.Confidence.ContainsKey(result.Item)))
        {
            problems.Add(new InputProblem(results.Source, result.Line, EvalRowParser.Confidence, null,
                $"item '{result.Item}' of feature '{feature}' has no confidence; a cascade routes each item "
                + "by it, so give confidence (0 to 1) on one row of the item"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var items = paired
            .Select(result => new CascadeItem(
                result.Item, result.Score, strong[result.Item].Score, featureResults.Confidence[result.Item]))
            .ToList();
        var passFail = paired.All(result => result.IsPassFail && strong[result.Item].IsPassFail);
        var dropped = cheap.Count + strong.Count - 2 * paired.Count;
        var measure = passFail ? QualityMeasure.PassRate : QualityMeasure.MeanScore;
        return new CascadeEvaluation(items, measure, dropped);
    }

    /// <summary>Creates an evaluation from items already paired, such as results from another tool.</summary>
    /// <param name="items">At least one item; scores and confidence from 0 to 1.</param>
    /// <param name="measure">
    /// <see cref="QualityMeasure.PassRate"/> when every score is 0 or 1, which gives Wilson intervals.
    /// </param>
    /// <param name="droppedItems">Items left out because only one model has a result for them.</param>
    public static CascadeEvaluation FromItems(
        IReadOnlyList<CascadeItem> items, QualityMeasure measure, int droppedItems = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(items.Count, 1, nameof(items) + ".Count");
        ArgumentOutOfRangeException.ThrowIfNegative(droppedItems);
        foreach (var item in items)
        {
            if (!InUnitInterval(item.CheapScore) || !InUnitInterval(item.StrongScore)
                || !InUnitInterval(item.Confidence))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(items), item, "Scores and confidence must lie in [0, 1].");
            }

            var passFail = IsPassFail(item.CheapScore) && IsPassFail(item.StrongScore);
            if (measure == QualityMeasure.PassRate && !passFail)
            {
                throw new ArgumentException($"Item '{item.Item}' has a score other than 0 or 1, so the measure "
                    + "must be MeanScore.", nameof(measure));
            }
        }

        return new CascadeEvaluation(items, measure, droppedItems);
    }

    /// <summary>Evaluates the cascade at one threshold.</summary>
    public CascadePoint At(double threshold)
    {
        if (double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(
                nameof(threshold), threshold, "The threshold must be a number.");
        }

        var scores = new double[Items.Count];
        var escalated = 0;
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var keep = item.Confidence >= threshold;
            scores[i] = keep ? item.CheapScore : item.StrongScore;
            escalated += keep ? 0 : 1;
        }

        var quality = Estimate(scores, Measure);
        double? pgr = Math.Abs(QualityGap) <= ZeroGap
            ? null
            : (quality.Value - CheapQuality.Value) / QualityGap;
        return new CascadePoint(
            threshold, Items.Count - escalated, escalated, (double)escalated / Items.Count, quality, pgr);
    }

    /// <summary>
    /// Evaluates the cascade at 0, at 1 and at every distinct confidence value of the items, which are
    /// all the thresholds at which the set of escalated items changes within [0, 1].
    /// </summary>
    public CascadeSweep Sweep() => Sweep(Items.Select(item => item.Confidence).Append(0).Append(1));

    /// <summary>
    /// Evaluates the cascade at the given thresholds. A threshold above every confidence escalates every
    /// item, and one at or below every confidence escalates none.
    /// </summary>
    public CascadeSweep Sweep(IEnumerable<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var points = thresholds.Distinct().Order().Select(At).ToList();
        if (points.Count == 0)
        {
            throw new ArgumentException("A sweep needs at least one threshold.", nameof(thresholds));
        }

        var reason = Math.Abs(QualityGap) <= ZeroGap
            ? $"PGR is undefined because the cheap and the strong model have the same quality "
              + $"({CheapQuality.Value:0.####}) on these items, so there is no gap to recover"
            : null;
        return new CascadeSweep(points, QualityGap, reason);
    }

    private static EvalQuality Estimate(double[] scores, QualityMeasure measure) =>
        measure == QualityMeasure.PassRate
            ? EvalQuality.FromPassRate(scores.Average(), scores.Length)
            : EvalQuality.FromScores(scores);

    private static bool InUnitInterval(double value) => value >= 0 && value <= 1;

    private static bool IsPassFail(double score) => score is 0 or 1;
}
