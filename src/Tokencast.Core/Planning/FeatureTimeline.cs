using Tokencast.Core.Pricing;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;
using ScenarioServiceTier = Tokencast.Core.Scenarios.ServiceTier;
using ScenarioWriteTtl = Tokencast.Core.Scenarios.CacheWriteTtl;

namespace Tokencast.Core.Planning;

/// <summary>
/// Turns a feature into its regimes over the horizon. Months are split at every dated change in the
/// scenario (model swaps, prompt changes, price changes, alias switches), each piece is priced on its
/// first day, and pieces with the same task model share one regime.
/// </summary>
internal sealed class FeatureTimeline
{
    private readonly Scenario _scenario;
    private readonly PriceCatalog _catalog;
    private readonly CostLineRegistry _costLines;
    private readonly List<InputProblem> _problems;
    private readonly List<DateOnly> _changeDates;

    public FeatureTimeline(Scenario scenario, PriceCatalog catalog, CostLineRegistry costLines, List<InputProblem> problems)
    {
        _scenario = scenario;
        _catalog = catalog;
        _costLines = costLines;
        _problems = problems;
        _changeDates = ChangeDates(scenario);
    }

    public FeaturePlan Compile(FeatureSpec feature)
    {
        var regimes = new List<TaskRegime>();
        var regimeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var months = new List<IReadOnlyList<MonthSegment>>();

        for (var m = 0; m < _scenario.HorizonMonths; m++)
        {
            var start = _scenario.StartMonth.AddMonths(m);
            var end = start.AddMonths(1);
            var days = (double)(end.DayNumber - start.DayNumber);
            var bounds = _changeDates.Where(d => d > start && d < end).Prepend(start).Append(end).ToList();

            var segments = new List<MonthSegment>();
            for (var s = 0; s + 1 < bounds.Count; s++)
            {
                var regime = RegimeOn(feature, bounds[s], regimes, regimeIndex);
                var share = (bounds[s + 1].DayNumber - bounds[s].DayNumber) / days;
                if (segments.Count > 0 && segments[^1].Regime == regime)
                {
                    segments[^1] = segments[^1] with { ShareOfMonth = segments[^1].ShareOfMonth + share };
                }
                else
                {
                    segments.Add(new MonthSegment(regime, share));
                }
            }

            months.Add(segments);
        }

        return new FeaturePlan(feature.Id, regimes, months);
    }

    private int RegimeOn(FeatureSpec feature, DateOnly date, List<TaskRegime> regimes, Dictionary<string, int> index)
    {
        var model = BuildTaskModel(feature, date);
        if (model is null)
        {
            // Problems are collected; a placeholder regime keeps the shape so later features are checked too.
            return 0;
        }

        var key = model.Describe();
        if (!index.TryGetValue(key, out var regime))
        {
            regime = regimes.Count;
            index[key] = regime;
            var lines = model.CalledModels().Select(c => _costLines.Add(c.Prices.Model)).ToList();
            regimes.Add(new TaskRegime(model, [.. lines, -1, -2]));
        }

        return regime;
    }

    private TaskModel? BuildTaskModel(FeatureSpec feature, DateOnly date)
    {
        var modelName = feature.Model;
        var modelSource = Within(feature, "model");
        var efficiency = 1.0;
        var system = (double)feature.SystemPromptTokens;
        var tools = (double)feature.ToolDefinitionTokens;
        foreach (var change in _scenario.Events.Where(e => e.Date <= date).OrderBy(e => e.Date))
        {
            switch (change)
            {
                case ModelSwapEvent swap when swap.FeatureId == feature.Id && feature.Routing is not null:
                    // A cascade has two models and the event names one, so it cannot say which to replace.
                    _problems.Add(new InputProblem(
                        swap.Source.File, swap.Source.Line, swap.Source.Path, swap.Model,
                        $"feature {feature.Id} routes through a cascade, so a model swap cannot tell which of its "
                        + "two models to replace; change routing.cascade.cheap or routing.cascade.strong in a "
                        + "branch, or point the cascade at an alias whose target changes on a date"));
                    break;
                case ModelSwapEvent swap when swap.FeatureId == feature.Id:
                    modelName = swap.Model;
                    modelSource = swap.Source with { Path = $"{swap.Source.Path}.model" };
                    efficiency = swap.TokenEfficiency;
                    break;
                case PromptChangeEvent prompt when prompt.FeatureId == feature.Id:
                    system = prompt.SystemPromptTokens ?? system;
                    tools = prompt.ToolDefinitionTokens ?? tools;
                    break;
            }
        }

        var problemCount = _problems.Count;
        var cascade = feature.Routing?.Cascade;
        var primaryName = modelName ?? cascade?.Cheap;
        var cheapSource = Within(feature, "routing.cascade.cheap");
        var primary = primaryName is null
            ? null
            : Choose(feature, primaryName, efficiency, date, modelName is null ? cheapSource : modelSource);
        CascadeRouting? routing = null;
        if (cascade is not null && primary is not null)
        {
            var cheap = modelName is null ? primary : Choose(feature, cascade.Cheap, 1.0, date, cheapSource);
            var strongSource = Within(feature, "routing.cascade.strong");
            var strong = Choose(feature, cascade.Strong, 1.0, date, strongSource);
            if (cheap is not null && strong is not null)
            {
                routing = cascade.EscalationRate is { } rate
                    ? CascadeRouting.WithRate(cheap, strong, rate)
                    : CascadeRouting.WithThreshold(cheap, strong, cascade.Confidence!.ToUncertainNumber(), cascade.Threshold ?? 0);
            }
        }

        if (primary is null || _problems.Count > problemCount)
        {
            return null;
        }

        return new TaskModel(
            primary,
            feature.InputTokens.ToDistribution(),
            feature.OutputTokens.ToDistribution(),
            feature.ReasoningTokens.ToDistribution(),
            system,
            tools,
            feature.Conversation is { } conversation
                ? new ConversationModel(conversation.Turns.ToDistribution(), conversation.ResendHistory)
                : null,
            feature.Agent is { } agent ? ToAgent(agent) : null,
            feature.Cache is { } cache ? ToCache(cache) : null,
            routing);
    }

    /// <summary>
    /// Resolves and prices a model name. Problems are reported at <paramref name="source"/>, the key that
    /// names the model, on the line the reader recorded for that value when it is a catalog key.
    /// </summary>
    private ModelChoice? Choose(
        FeatureSpec feature, string name, double efficiency, DateOnly date, SourceLocation source)
    {
        var catalogKey = _scenario.Tiers.TryGetValue(name, out var tierModel) ? tierModel : name;
        var path = source.Path;
        // NOTE: the reader records lines of catalog keys only, so a tier name gets the feature's line.
        var line = _scenario.CatalogModelReferences.FirstOrDefault(r => r.Source.Path == path)?.Source.Line
            ?? source.Line;
        ModelPrices prices;
        try
        {
            prices = _catalog.Resolve(catalogKey, date);
        }
        catch (InvalidInputException exception)
        {
            _problems.AddRange(exception.Problems.Select(p => p with
            {
                File = source.File, Line = line, Path = path,
            }));
            return null;
        }

        var cache = feature.Cache;
        var callPrices = CallPricesFactory.Create(
            prices,
            ToServiceTier(feature.ServiceTier),
            needsCacheRead: cache is not null,
            needsCacheWrite5Minutes: cache is { WriteTtl: ScenarioWriteTtl.FiveMinutes, Prefix: not CachePrefix.PromptShare },
            needsCacheWrite1Hour: cache is { WriteTtl: ScenarioWriteTtl.OneHour, Prefix: not CachePrefix.PromptShare },
            path,
            source.File,
            line,
            _problems);
        return new ModelChoice(callPrices, efficiency);
    }

    private static SourceLocation Within(FeatureSpec feature, string key) =>
        feature.Source with { Path = $"{feature.Source.Path}.{key}" };

    private static AgentLoopModel ToAgent(AgentSpec agent) => new(
        agent.Steps.ToDistribution(),
        agent.ToolCallsPerStep.ToDistribution(),
        agent.ToolOutputTokens.ToDistribution(),
        agent.RetryProbability,
        agent.MaxAttempts,
        agent.ReflectionProbability,
        agent.ReflectionOutputTokens.ToDistribution(),
        agent.ToolCostUsd,
        agent.HumanEscalationProbability,
        agent.HumanEscalationCostUsd);

    private static PromptCacheModel ToCache(CacheSpec cache) => new(
        cache.HitRate,
        cache.WriteTtl == ScenarioWriteTtl.OneHour ? Simulation.CacheWriteTtl.OneHour : Simulation.CacheWriteTtl.FiveMinutes,
        cache.Prefix switch
        {
            CachePrefix.SystemToolsAndHistory => PromptCacheScope.SystemToolsAndHistory,
            CachePrefix.PromptShare => PromptCacheScope.PromptShare,
            _ => PromptCacheScope.SystemAndTools,
        });

    private static Pricing.ServiceTier ToServiceTier(ScenarioServiceTier tier) => tier switch
    {
        ScenarioServiceTier.Batch => Pricing.ServiceTier.Batch,
        ScenarioServiceTier.Flex => Pricing.ServiceTier.Flex,
        ScenarioServiceTier.Priority => Pricing.ServiceTier.Priority,
        _ => Pricing.ServiceTier.Standard,
    };

    private static List<DateOnly> ChangeDates(Scenario scenario)
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var change in scenario.Events)
        {
            if (change is ModelSwapEvent or PromptChangeEvent or PriceChangeEvent)
            {
                dates.Add(change.Date);
            }
        }

        foreach (var price in scenario.Prices)
        {
            if (price.Effective is { } effective)
            {
                dates.Add(effective);
            }
        }

        foreach (var alias in scenario.Aliases)
        {
            if (alias.From is { } from)
            {
                dates.Add(from);
            }
        }

        return [.. dates];
    }
}
