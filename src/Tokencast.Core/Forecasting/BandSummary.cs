using Tokencast.Core.Simulation;

namespace Tokencast.Core.Forecasting;

/// <summary>Turns the per-trial samples of a branch into its bands.</summary>
public static class BandSummary
{
    /// <summary>Summarises all trials of one branch.</summary>
    public static BranchForecast Summarise(
        SimulationPlan plan,
        BranchPlan branch,
        TaskCostPool[][] pools,
        BranchSamples samples,
        ulong seed,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(branch);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(samples);

        var featureErrors = pools.Select(regimes => regimes.Max(p => p.RelativeStandardError)).ToArray();
        var totalError = TotalRelativeError(samples, featureErrors);

        var seriesErrors = new double[samples.SeriesCount];
        Array.Fill(seriesErrors, totalError);
        for (var f = 0; f < samples.Features; f++)
        {
            seriesErrors[BranchSamples.FeatureSeries(f)] = featureErrors[f];
        }

        var series = new SeriesBands[samples.SeriesCount];
        var names = SeriesNames(branch);
        Parallel.For(0, samples.SeriesCount, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, s =>
        {
            series[s] = SummariseSeries(plan, samples, s, names[s], seriesErrors[s]);
        });

        return new BranchForecast(
            branch.Name,
            branch.Description,
            branch.Assumptions,
            series[BranchSamples.TotalSeries],
            Cumulative(plan, samples, totalError),
            series.Skip(1).Take(samples.Features).ToArray(),
            series.Skip(1 + samples.Features).Take(samples.Cohorts).ToArray(),
            series.Skip(1 + samples.Features + samples.Cohorts).ToArray(),
            CostPerTask(plan, branch, pools, samples, seed, maxDegreeOfParallelism),
            Budget(plan, branch, samples));
    }

    private static string[] SeriesNames(BranchPlan branch) =>
        ["total", .. branch.Features.Select(f => f.Id), .. branch.Cohorts.Select(c => c.Id), .. branch.CostLines];

    /// <summary>
    /// Combines the per-feature sampling errors of mean cost per task into one relative error of the total,
    /// weighting each feature by its share of mean spend (errors of different features are independent).
    /// </summary>
    private static double TotalRelativeError(BranchSamples samples, double[] featureErrors)
    {
        var featureMeans = new double[samples.Features];
        for (var f = 0; f < samples.Features; f++)
        {
            for (var m = 0; m < samples.Months; m++)
            {
                foreach (var value in samples.Spend(BranchSamples.FeatureSeries(f), m))
                {
                    featureMeans[f] += value;
                }
            }
        }

        var total = featureMeans.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var variance = 0.0;
        for (var f = 0; f < samples.Features; f++)
        {
            var weighted = featureMeans[f] / total * featureErrors[f];
            variance += weighted * weighted;
        }

        return Math.Sqrt(variance);
    }

    private static SeriesBands SummariseSeries(SimulationPlan plan, BranchSamples samples, int series, string name, double relativeError)
    {
        var monthly = new MonthBand[samples.Months];
        var horizon = new double[samples.TrialCount];
        for (var m = 0; m < samples.Months; m++)
        {
            var values = samples.Spend(series, m);
            monthly[m] = new MonthBand(plan.MonthStart(m), BandStatistics.Compute(values, relativeError));
            for (var t = 0; t < horizon.Length; t++)
            {
                horizon[t] += values[t];
            }
        }

        return new SeriesBands(name, monthly, BandStatistics.Compute(horizon, relativeError));
    }

    private static MonthBand[] Cumulative(SimulationPlan plan, BranchSamples samples, double relativeError)
    {
        var running = new double[samples.TrialCount];
        var bands = new MonthBand[samples.Months];
        for (var m = 0; m < samples.Months; m++)
        {
            var values = samples.Spend(BranchSamples.TotalSeries, m);
            for (var t = 0; t < running.Length; t++)
            {
                running[t] += values[t];
            }

            bands[m] = new MonthBand(plan.MonthStart(m), BandStatistics.Compute(running, relativeError));
        }

        return bands;
    }

    private static List<FeatureTaskCost> CostPerTask(
        SimulationPlan plan, BranchPlan branch, TaskCostPool[][] pools, BranchSamples samples, ulong seed, int maxDegreeOfParallelism)
    {
        // Price trends scale what a task costs, so single-task figures are scaled by the mean trend factor of
        // the month over all trials, weighted by the share of each cost line in the task's cost.
        var trends = TrialAssumptions.MeanTrendFactors(branch, samples.Months, seed, samples.TrialCount);
        var costs = new FeatureTaskCost[branch.Features.Count][];
        Parallel.For(0, branch.Features.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, f =>
        {
            var feature = branch.Features[f];
            costs[f] = new FeatureTaskCost[samples.Months];
            for (var m = 0; m < samples.Months; m++)
            {
                var segments = feature.Months[m];
                var mean = 0.0;
                var error = 0.0;
                var mixture = new List<(TaskCostPool Pool, double Weight, double Factor)>(segments.Count);
                foreach (var segment in segments)
                {
                    var pool = pools[f][segment.Regime];
                    var factor = TrendFactor(pool, feature.Regimes[segment.Regime].CostLines, trends, m, samples.Months);
                    mean += segment.ShareOfMonth * pool.Mean * factor;
                    error = Math.Max(error, pool.RelativeStandardError);
                    mixture.Add((pool, segment.ShareOfMonth, factor));
                }

                costs[f][m] = new FeatureTaskCost(
                    feature.Id,
                    plan.MonthStart(m),
                    mean,
                    MixtureQuantile(mixture, 0.5),
                    MixtureQuantile(mixture, 0.9),
                    MixtureQuantile(mixture, 0.99),
                    error,
                    BandStatistics.Compute(samples.Tasks(f, m)));
            }
        });

        return [.. costs.SelectMany(c => c)];
    }

    /// <summary>
    /// Returns the p-quantile of one task's cost in a month whose segments run different task models: the
    /// mixture of the segments' cost distributions, each scaled by its trend factor and weighted by its
    /// share of the month, found by bisection on the mixture's distribution function.
    /// </summary>
    internal static double MixtureQuantile(List<(TaskCostPool Pool, double Weight, double Factor)> mixture, double p)
    {
        if (mixture.Count == 1)
        {
            return mixture[0].Pool.TaskCostQuantile(p) * mixture[0].Factor;
        }

        var low = mixture.Min(part => part.Pool.TaskCostQuantile(0) * part.Factor);
        var high = mixture.Max(part => part.Pool.TaskCostQuantile(1) * part.Factor);
        var total = mixture.Sum(part => part.Weight);
        for (var step = 0; step < 100 && high - low > 1e-12 * Math.Max(1, high); step++)
        {
            var middle = (low + high) / 2;
            var probability = mixture.Sum(part =>
                part.Weight * part.Pool.CumulativeProbability(part.Factor > 0 ? middle / part.Factor : double.PositiveInfinity)) / total;
            if (probability < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    /// <summary>Returns the mean trend factor of a month weighted by each cost line's share of the task cost.</summary>
    internal static double TrendFactor(TaskCostPool pool, IReadOnlyList<int> costLines, double[] trends, int month, int months)
    {
        var weighted = 0.0;
        var total = 0.0;
        for (var line = 0; line < costLines.Count; line++)
        {
            var lineMean = pool.LineMean(line);
            weighted += lineMean * trends[costLines[line] * months + month];
            total += lineMean;
        }

        return total > 0 ? weighted / total : 1;
    }

    private static List<BudgetOutlook> Budget(SimulationPlan plan, BranchPlan branch, BranchSamples samples)
    {
        var outlook = new List<BudgetOutlook>();
        var horizon = new double[samples.TrialCount];
        for (var m = 0; m < samples.Months; m++)
        {
            var values = samples.Spend(BranchSamples.TotalSeries, m);
            for (var t = 0; t < horizon.Length; t++)
            {
                horizon[t] += values[t];
            }

            if (m < branch.MonthlyBudgetUsd.Count && branch.MonthlyBudgetUsd[m] is { } budget)
            {
                outlook.Add(new BudgetOutlook(plan.MonthStart(m), budget, ShareAbove(values, budget)));
            }
        }

        if (branch.TotalBudgetUsd is { } total)
        {
            outlook.Add(new BudgetOutlook(null, total, ShareAbove(horizon, total)));
        }

        return outlook;
    }

    private static double ShareAbove(ReadOnlySpan<double> values, double threshold)
    {
        var above = 0;
        foreach (var value in values)
        {
            if (value > threshold)
            {
                above++;
            }
        }

        return (double)above / values.Length;
    }
}
