// Actual monthly spend from the stored actuals: estimated from tokens at catalog prices, summed over features.
import { getJson } from './api.js';
import { parseMonth } from './format.js';

/**
 * Loads `/api/actuals/spend?period=month` and returns one point per calendar month, in month order:
 * { month (date), usd, tasks, tasksWithUnknownCost, partial }. `usd` sums the known cost of every feature,
 * so a month with tasks of unknown cost is `partial` and its spend is a lower bound.
 */
export async function loadMonthlySpend() {
  const points = await getJson('/api/actuals/spend?period=month');
  return sumByMonth(points);
}

/** Sums cost-per-task points (one per feature and month) into one point per month. */
export function sumByMonth(points) {
  const byMonth = new Map();
  for (const point of points) {
    const month = byMonth.get(point.periodStart) ?? {
      month: parseMonth(point.periodStart),
      usd: 0,
      tasks: 0,
      tasksWithUnknownCost: 0,
    };
    // NOTE: knownCostUsd is an exact decimal on the server; JSON numbers become doubles here, which is
    // enough for a chart point but not for accounting.
    month.usd += Number(point.knownCostUsd);
    month.tasks += point.tasks;
    month.tasksWithUnknownCost += point.tasksWithUnknownCost;
    byMonth.set(point.periodStart, month);
  }

  return [...byMonth.values()]
    .map((month) => ({ ...month, partial: month.tasksWithUnknownCost > 0 }))
    .sort((a, b) => a.month - b.month);
}
