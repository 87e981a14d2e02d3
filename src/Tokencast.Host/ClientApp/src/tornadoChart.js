// The "what widens the band" chart of one branch of POST /api/sensitivity. Each of the assumptions with the
// largest swing gets a bar around the P50 of the horizon total over all trials. The bar runs from the P50
// over the trials with the assumption in its lowest tenth to the P50 over those in its highest tenth, and
// the largest swing is on top.
import { axisBottom } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { formatCompactUsd, formatSpendUsd } from './format.js';
import { formatSpendChange } from './leverFormat.js';

/** Most assumptions drawn, as in the tornado chart of the command line's report. */
export const maxBars = 15;

const width = 760;
const margin = { top: 12, right: 24, bottom: 40, left: 330 };
const rowHeight = 24;

// Longer paths lose their start to an ellipsis, because their end names the quantity; the bar's tooltip has
// the whole path. 46 monospace characters at 11 px fit the left margin.
const maxLabelLength = 46;

/** Returns the assumptions the chart draws: the `maxBars` with the largest absolute swing, largest first. */
export function tornadoInputs(branch) {
  return [...branch.inputs]
    .sort((a, b) => Math.abs(b.tornadoSwing) - Math.abs(a.tornadoSwing))
    .slice(0, maxBars);
}

/** Returns a figure with the chart of `branch` and the share of the variance the assumptions explain. */
export function createTornadoChart(branch) {
  const figure = document.createElement('figure');
  figure.className = 'tornado';
  figure.dataset.branch = branch.branch;
  const heading = document.createElement('h4');
  heading.textContent = `Branch ${branch.branch}`;
  figure.append(heading);

  const inputs = tornadoInputs(branch);
  if (inputs.length > 0) {
    figure.append(drawBars(branch, inputs));
  }

  const caption = document.createElement('figcaption');
  caption.textContent = explanation(branch, inputs.length);
  figure.append(caption);
  return figure;
}

function drawBars(branch, inputs) {
  const centre = branch.horizonMedianUsd;
  const height = margin.top + margin.bottom + rowHeight * inputs.length;
  const values = inputs.flatMap((input) => [input.lowDecileOutputMedian, input.highDecileOutputMedian]);
  const x = scaleLinear()
    .domain([Math.min(centre, ...values), Math.max(centre, ...values)])
    .nice()
    .range([margin.left, width - margin.right]);
  const y = scaleBand()
    .domain(inputs.map((input) => input.input))
    .range([margin.top, height - margin.bottom])
    .padding(0.2);

  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', `Horizon total spend of branch ${branch.branch} by assumption, P50 over all trials ` +
      formatSpendUsd(centre));

  const rows = svg.append('g')
    .selectAll('g')
    .data(inputs)
    .join('g')
    .attr('class', 'tornado-row')
    .attr('data-input', (input) => input.input);
  rows.append('title').text(describe);
  rows.append('rect')
    .attr('class', 'low-decile')
    .attr('x', (input) => x(Math.min(centre, input.lowDecileOutputMedian)))
    .attr('width', (input) => Math.abs(x(input.lowDecileOutputMedian) - x(centre)))
    .attr('y', (input) => y(input.input))
    .attr('height', y.bandwidth());
  rows.append('rect')
    .attr('class', 'high-decile')
    .attr('x', (input) => x(Math.min(centre, input.highDecileOutputMedian)))
    .attr('width', (input) => Math.abs(x(input.highDecileOutputMedian) - x(centre)))
    .attr('y', (input) => y(input.input))
    .attr('height', y.bandwidth());
  rows.append('text')
    .attr('class', 'input-label')
    .attr('x', margin.left - 8)
    .attr('y', (input) => y(input.input) + y.bandwidth() / 2)
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .text((input) => shorten(input.input));

  svg.append('line')
    .attr('class', 'centre')
    .attr('x1', x(centre))
    .attr('x2', x(centre))
    .attr('y1', margin.top - 4)
    .attr('y2', height - margin.bottom);
  svg.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(6).tickFormat(formatCompactUsd));
  svg.append('text')
    .attr('class', 'axis-title')
    .attr('x', width / 2)
    .attr('y', height - 6)
    .attr('text-anchor', 'middle')
    .text('P50 of horizon spend: light bar with the assumption in its lowest tenth, dark bar in its highest');
  return svg.node();
}

function describe(input) {
  const index = input.varianceIndex === null ? 'undefined' : input.varianceIndex.toFixed(3);
  const spearman = input.spearmanCorrelation === null ? 'undefined' : input.spearmanCorrelation.toFixed(2);
  return `${input.input}: P50 ${formatSpendUsd(input.lowDecileOutputMedian)} in its lowest tenth, ` +
    `${formatSpendUsd(input.highDecileOutputMedian)} in its highest (swing ${formatSpendChange(input.tornadoSwing)}); ` +
    `variance index ${index}, Spearman ${spearman}`;
}

/** Returns the explained share in words, with the variance index an assumption without effect gets. */
function explanation(branch, drawn) {
  if (branch.inputs.length === 0) {
    return 'This branch has no uncertain assumption drawn once per trial, so its band comes from task-level ' +
      'noise alone: the number of tasks and each task\'s tokens, turns and retries.';
  }

  const shown = drawn < branch.inputs.length
    ? `The ${drawn} assumptions with the largest swing of ${branch.inputs.length} are drawn. `
    : '';
  const share = branch.explainedVarianceShare;
  const explained = share > 1
    ? 'The assumptions one at a time explain more than all of the variance of the horizon total, which says ' +
      `the estimate is noisy at ${branch.trials} trials; run more trials.`
    : `The assumptions one at a time explain about ${Math.round(share * 100)} % of the variance of the horizon total. ` +
      'The rest comes from task-level noise (tokens and calls per task) and from assumptions acting together.';
  return `${shown}${explained} At ${branch.trials} trials an assumption without effect has a variance index of ` +
    `about ${branch.varianceIndexNullLevel.toFixed(3)}; read indices near it as no measurable effect.`;
}

function shorten(text) {
  return text.length <= maxLabelLength ? text : `…${text.slice(text.length - maxLabelLength + 1)}`;
}
