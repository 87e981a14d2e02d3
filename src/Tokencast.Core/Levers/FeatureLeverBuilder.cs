using System.Globalization;
using Tokencast.Core.Quality;
using Tokencast.Core.Scenarios;

namespace Tokencast.Core.Levers;

/// <summary>
/// Enumerates, costs and rates the operating points of one feature: the feature as written, each model
/// tier, each cascade threshold of the eval items, and each variant.
/// </summary>
internal sealed class FeatureLeverBuilder
{
    private readonly Scenario _scenario;
    private readonly FeatureSpec _feature;
    private readonly TaskCostEstimator _costs;
    private readonly LeverOptions _options;
    private readonly List<LeverPoint> _points = [];
    private readonly List<SkippedLever> _skipped = [];

    public FeatureLeverBuilder(Scenario scenario, FeatureSpec feature, TaskCostEstimator costs, LeverOptions options)
    {
        _scenario = scenario;
        _feature = feature;
        _costs = costs;
        _options = options;
    }

    public FeatureLevers Build()
    {
        var currentTier = CurrentTier();
        var (quality, reason) = FeatureQuality.Of(_feature, _scenario);
        var currentKind = currentTier is null ? LeverKind.Current : LeverKind.ModelTier;
        var cost = _costs.Estimate(_feature);
        _points.Add(new LeverPoint(CurrentLabel(), currentKind, cost, quality, reason, IsCurrent: true,
            Threshold: _feature.Routing?.Cascade.Threshold, EscalationShare: _feature.Routing?.Cascade.EscalationRate));

        foreach (var tier in _scenario.Tiers.Keys.Where(tier => tier != currentTier))
        {
            var single = _feature with { Model = tier, Routing = null };
            var (tierQuality, tierReason) = FeatureQuality.OfModel(_feature.Id, tier, _scenario);
            Add($"model={tier}", LeverKind.ModelTier, single, tierQuality, tierReason);
        }

        var (routing, noRoutingReason) = AddCascadePoints();
        foreach (var variant in _feature.Variants)
        {
            var (variantQuality, variantReason) = FeatureQuality.OfModel(_feature.Id, variant.Name, _scenario);
            Add($"variant={variant.Name}", LeverKind.Variant, variant.Feature, variantQuality, variantReason);
        }

        return Summarise(routing, noRoutingReason);
    }

    /// <summary>
    /// Adds one point per distinct escalation share of the eval items, costed with that share as the
    /// cascade's escalation_rate so that cost and quality describe the same router.
    /// </summary>
    private (CascadeRoutingMeasures? Routing, string? Reason) AddCascadePoints()
    {
        if (_feature.Routing?.Cascade is not { } cascade)
        {
            return (null, null);
        }

        var (evaluation, reason) = FeatureQuality.Cascade(_feature.Id, cascade, _scenario);
        if (evaluation is null)
        {
            return (null, reason);
        }

        var sweep = evaluation.Sweep();
        var points = DistinctShares(sweep.Points);
        if (points.Count > _options.MaxCascadePoints)
        {
            var grid = Enumerable.Range(0, 21).Select(step => step / 20.0);
            points = DistinctShares(evaluation.Sweep(grid).Points);
        }

        foreach (var point in points)
        {
            var rated = cascade with { EscalationRate = point.EscalationShare, Confidence = null, Threshold = null };
            var changed = _feature with { Routing = _feature.Routing with { Cascade = rated } };
            Add($"cascade threshold {Format(point.Threshold)}", LeverKind.CascadeThreshold, changed, point.Quality,
                null, point.Threshold, point.EscalationShare);
        }

        var measures = new CascadeRoutingMeasures(
            cascade.Cheap, cascade.Strong, sweep, sweep.AveragePerformanceGapRecovered(),
            sweep.CallPerformanceThreshold(0.5), sweep.CallPerformanceThreshold(0.8), evaluation.DroppedItems);
        return (measures, null);
    }

    // Thresholds with the same escalation share escalate the same items; the lowest of them stands for all.
    private static List<CascadePoint> DistinctShares(IEnumerable<CascadePoint> points) =>
        points.OrderBy(point => point.Threshold).DistinctBy(point => point.EscalationShare).ToList();

    private void Add(string label, LeverKind kind, FeatureSpec feature, EvalQuality? quality, string? reason,
        double? threshold = null, double? share = null)
    {
        try
        {
            _points.Add(new LeverPoint(label, kind, _costs.Estimate(feature), quality, reason, IsCurrent: false,
                Threshold: threshold, EscalationShare: share));
        }
        catch (InvalidInputException exception)
        {
            _skipped.Add(new SkippedLever(label, string.Join("; ", exception.Problems.Select(p => p.Message))));
        }
    }

    private FeatureLevers Summarise(CascadeRoutingMeasures? routing, string? noRoutingReason)
    {
        var rated = _points.Select(point => point.ToOperatingPoint()).OfType<OperatingPoint>().ToList();
        var frontier = ParetoFrontier.Of(rated);
        var knee = Knee.Find(frontier);
        var onFrontier = frontier.Select(point => point.Label).ToHashSet(StringComparer.Ordinal);
        var points = _points
            .Select(point => point with
            {
                OnFrontier = onFrontier.Contains(point.Label),
                IsKnee = knee.Point?.Label == point.Label,
            })
            .ToList();

        var current = points[0].ToOperatingPoint();
        var moves = current is null ? null : Moves.From(current, frontier);
        var noMoves = current is null
            ? $"the current point has no quality, so no move can be measured: {points[0].NoQualityReason}"
            : null;
        return new FeatureLevers(_feature.Id, points, _skipped, frontier, knee, moves, noMoves, routing, noRoutingReason);
    }

    // A feature on a single model that is a tier, or the model a tier names, runs at that tier's point.
    private string? CurrentTier()
    {
        if (_feature.Routing is not null || _feature.Model is not { } model)
        {
            return null;
        }

        return _scenario.Tiers.ContainsKey(model)
            ? model
            : _scenario.Tiers.FirstOrDefault(tier => tier.Value == model).Key;
    }

    private string CurrentLabel()
    {
        if (_feature.Routing?.Cascade is not { } cascade)
        {
            return $"model={CurrentTier() ?? _feature.Model}";
        }

        return cascade.Threshold is { } threshold
            ? $"cascade threshold {Format(threshold)} (as written)"
            : $"cascade escalation_rate {Format(cascade.EscalationRate!.Value)} (as written)";
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
