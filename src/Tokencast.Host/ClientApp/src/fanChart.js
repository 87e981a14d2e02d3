// The fan chart of one branch: monthly spend in USD as nested percentile bands, the median and the budget.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { area, curveMonotoneX, line } from 'd3-shape';
import { formatAxisMonth, formatCompactUsd, formatMonth, formatWholeUsd, parseMonth } from './format.js';

const width = 640;
const height = 300;
const margin = { top: 16, right: 20, bottom: 34, left: 64 };

/**
 * Creates an empty chart for `branch` over `months` (dates) inside `parent`; `budgets` contains the monthly
 * budget in USD or null per month. Call `update` with the branch's progress to draw the bands.
 */
export function createFanChart(parent, branch, months, budgets) {
  const svg = select(parent)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('data-branch', branch)
    .attr('data-trials', 0);
  const title = svg.append('title');

  const x = scaleUtc()
    .domain([months[0], months[months.length - 1]])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear().range([height - margin.bottom, margin.top]);

  const grid = svg.append('g').attr('class', 'grid');
  const outer = svg.append('path').attr('class', 'band-outer').attr('data-series', 'p5-p95');
  const inner = svg.append('path').attr('class', 'band-inner').attr('data-series', 'p10-p90');
  const median = svg.append('path').attr('class', 'p50-line').attr('data-series', 'p50');
  const budget = svg.append('path').attr('class', 'budget-line').attr('data-series', 'budget');
  const actuals = svg.append('g').attr('class', 'actual-points').attr('data-series', 'actual');
  let actualPoints = [];
  const xAxis = svg
    .append('g')
    .attr('class', 'axis x-axis')
    .attr('transform', `translate(0,${height - margin.bottom})`);
  const yAxis = svg.append('g').attr('class', 'axis y-axis').attr('transform', `translate(${margin.left},0)`);

  // Twelve labels fit the width; longer horizons label every second, third, ... month.
  const step = Math.ceil(months.length / 12);
  xAxis.call(axisBottom(x).tickValues(months.filter((_, i) => i % step === 0)).tickFormat(formatAxisMonth));

  const budgetPoints = months.map((month, i) => ({ month, usd: budgets?.[i] ?? null }));
  const budgetLine = line()
    .defined((d) => d.usd !== null)
    .x((d) => x(d.month))
    .y((d) => y(d.usd));

  function drawScale(top) {
    y.domain([0, top > 0 ? top * 1.05 : 1]).nice();
    yAxis.call(axisLeft(y).ticks(5).tickFormat(formatCompactUsd));
    grid
      .selectAll('line')
      .data(y.ticks(5))
      .join('line')
      .attr('x1', margin.left)
      .attr('x2', width - margin.right)
      .attr('y1', (d) => y(d))
      .attr('y2', (d) => y(d));
    budget.attr('d', budgetLine(budgetPoints));
    drawActuals();
  }

  function drawActuals() {
    actuals
      .selectAll('circle')
      .data(actualPoints)
      .join('circle')
      .attr('class', (d) => (d.partial ? 'actual partial' : 'actual'))
      .attr('cx', (d) => x(d.month))
      .attr('cy', (d) => y(d.usd))
      .attr('r', 4.5);
  }

  const budgetTop = Math.max(0, ...budgetPoints.map((d) => d.usd ?? 0));
  let bandTop = 0;
  drawScale(budgetTop);
  title.text(`Monthly spend of branch ${branch}: no trials yet`);

  /** Redraws the bands from the branch's progress: { trials, monthly: [{ month, band }] }. */
  function update(progress) {
    const points = progress.monthly.map((m) => ({ month: parseMonth(m.month), band: m.band }));
    bandTop = Math.max(0, ...points.map((d) => d.band.p95));
    drawScale(Math.max(budgetTop, bandTop, ...actualPoints.map((d) => d.usd)));

    const bandArea = (low, high) =>
      area()
        .curve(curveMonotoneX)
        .x((d) => x(d.month))
        .y0((d) => y(d.band[low]))
        .y1((d) => y(d.band[high]));
    outer.attr('d', bandArea('p5', 'p95')(points));
    inner.attr('d', bandArea('p10', 'p90')(points));
    median.attr(
      'd',
      line()
        .curve(curveMonotoneX)
        .x((d) => x(d.month))
        .y((d) => y(d.band.p50))(points),
    );

    svg.attr('data-trials', progress.trials);
    const last = points[points.length - 1];
    if (last) {
      title.text(
        `Monthly spend of branch ${branch} after ${progress.trials} trials: in ${formatMonth(last.month)} ` +
          `P50 ${formatWholeUsd(last.band.p50)}, P10 to P90 ${formatWholeUsd(last.band.p10)} to ` +
          `${formatWholeUsd(last.band.p90)}`,
      );
    }
  }

  /**
   * Draws actual monthly spend as points: `points` contains { month (date), usd, partial }, and only the
   * months the chart shows are drawn. `partial` marks a month with tasks of unknown cost.
   */
  function showActuals(points) {
    const first = months[0].getTime();
    const last = months[months.length - 1].getTime();
    actualPoints = points.filter((d) => d.month.getTime() >= first && d.month.getTime() <= last);
    svg.attr('data-actual-points', actualPoints.length);
    drawScale(Math.max(budgetTop, bandTop, ...actualPoints.map((d) => d.usd)));
  }

  return { update, showActuals };
}
