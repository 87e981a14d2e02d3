// The quality-cost chart of one feature of POST /api/levers: every operating point with eval data at its
// mean cost per task and quality. The Pareto frontier is a line, the knee is ringed and labelled, and the
// current point is a diamond. Labelled points also get the P10 to P90 of one task's cost as a horizontal
// whisker and the quality's 95 % interval as a vertical one.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line, symbol, symbolDiamond } from 'd3-shape';
import { formatTaskUsd } from './format.js';
import { formatQuality } from './leverFormat.js';

const width = 760;
const height = 380;
const margin = { top: 20, right: 170, bottom: 46, left: 60 };

// A whisker that reaches further than this many times the dearest mean cost is cut at the chart's edge,
// because heavy-tailed task costs would otherwise squeeze every point into the left of the chart.
const maxWhiskerReach = 2.5;

/** Returns a figure with the chart of `feature`, or null when no point has eval data. */
export function createQualityCostChart(feature) {
  const rated = feature.points.filter((point) => point.quality);
  if (rated.length === 0) {
    return null;
  }

  const maxMean = Math.max(...rated.map((point) => point.cost.meanUsd));
  const right = Math.min(Math.max(...rated.map((point) => point.cost.p90Usd)), maxMean * maxWhiskerReach);
  const x = scaleLinear()
    .domain([0, Math.max(right, maxMean * 1.1, 1e-9)])
    .nice()
    .range([margin.left, width - margin.right]);
  const low = Math.min(...rated.map((point) => point.quality.lower));
  const high = Math.max(...rated.map((point) => point.quality.upper));
  const y = scaleLinear()
    .domain([Math.max(0, low - 0.02), Math.min(1, high + 0.02)])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const labelled = rated.filter(isLabelled);
  const cx = (point) => x(point.cost.meanUsd);
  const cy = (point) => y(point.quality.value);
  const plotRight = x.range()[1];
  const anyCut = labelled.some((point) => x(point.cost.p90Usd) > plotRight);

  const figure = document.createElement('figure');
  figure.className = 'quality-cost';
  const svg = select(figure)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('data-feature', feature.feature)
    .attr('aria-label', `${feature.feature}: quality against mean cost per task for ${rated.length} operating points`);

  drawAxes(svg, x, y);

  svg.append('g')
    .attr('class', 'cost-whiskers')
    .selectAll('line')
    .data(labelled)
    .join('line')
    .attr('class', (point) => (x(point.cost.p90Usd) > plotRight ? 'cost-whisker cut' : 'cost-whisker'))
    .attr('x1', (point) => x(point.cost.p10Usd))
    .attr('x2', (point) => Math.min(x(point.cost.p90Usd), plotRight))
    .attr('y1', cy)
    .attr('y2', cy);
  svg.append('g')
    .attr('class', 'quality-intervals')
    .selectAll('line')
    .data(labelled)
    .join('line')
    .attr('class', 'quality-interval')
    .attr('x1', cx)
    .attr('x2', cx)
    .attr('y1', (point) => y(point.quality.lower))
    .attr('y2', (point) => y(point.quality.upper));

  svg.append('path')
    .attr('class', 'frontier')
    .attr('d', line().x((point) => x(point.costUsd)).y((point) => y(point.qualityValue))(feature.frontier));

  svg.append('g')
    .attr('class', 'points')
    .selectAll('circle')
    .data(rated)
    .join('circle')
    .attr('class', (point) => (point.onFrontier ? 'point on-frontier' : 'point'))
    .attr('data-label', (point) => point.label)
    .attr('cx', cx)
    .attr('cy', cy)
    .attr('r', 4.5)
    .append('title')
    .text(describePoint);

  const knee = rated.find((point) => point.isKnee);
  if (knee) {
    svg.append('circle')
      .attr('class', 'knee-mark')
      .attr('data-label', knee.label)
      .attr('cx', cx(knee))
      .attr('cy', cy(knee))
      .attr('r', 10);
  }
  const current = rated.find((point) => point.isCurrent);
  if (current) {
    svg.append('path')
      .attr('class', 'current-mark')
      .attr('data-label', current.label)
      .attr('transform', `translate(${cx(current)},${cy(current)})`)
      .attr('d', symbol(symbolDiamond, 110)());
  }

  svg.append('g')
    .attr('class', 'point-labels')
    .selectAll('text')
    .data(labelled)
    .join('text')
    .attr('x', (point) => cx(point) + 12)
    .attr('y', (point) => cy(point) + 4)
    .text((point) => pointLabel(point));

  const caption = document.createElement('figcaption');
  caption.textContent = captionText(feature, rated, knee, current, anyCut);
  figure.append(caption);
  return figure;
}

function drawAxes(svg, x, y) {
  svg.append('g')
    .attr('class', 'grid')
    .selectAll('line')
    .data(y.ticks(5))
    .join('line')
    .attr('x1', margin.left)
    .attr('x2', width - margin.right)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d));
  svg.append('g')
    .attr('class', 'axis x-axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(6).tickFormat(formatTaskUsd));
  svg.append('g')
    .attr('class', 'axis y-axis')
    .attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).ticks(5));
  svg.append('text')
    .attr('class', 'axis-title')
    .attr('x', (margin.left + width - margin.right) / 2)
    .attr('y', height - 8)
    .attr('text-anchor', 'middle')
    .text('Cost of one task in USD: mean, whisker from P10 to P90');
  svg.append('text')
    .attr('class', 'axis-title')
    .attr('transform', `translate(14,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('Quality, with 95 % interval');
}

// A sweep of cascade thresholds puts many points close together, so those carry their label and numbers as a
// tooltip only, unless they are the knee or the current point.
function isLabelled(point) {
  return point.kind !== 'cascadeThreshold' || point.isKnee || point.isCurrent;
}

function pointLabel(point) {
  const marks = [point.isKnee ? 'knee' : '', point.isCurrent ? 'current' : ''].filter(Boolean);
  return marks.length ? `${point.label} (${marks.join(', ')})` : point.label;
}

function describePoint(point) {
  return `${point.label}: mean ${formatTaskUsd(point.cost.meanUsd)} per task (P10 ${formatTaskUsd(point.cost.p10Usd)}, ` +
    `P90 ${formatTaskUsd(point.cost.p90Usd)}), quality ${formatQuality(point.quality)}`;
}

function captionText(feature, rated, knee, current, anyCut) {
  const sentences = [`${rated.length} of ${feature.points.length} operating points have eval data.`];
  sentences.push(knee ? `The knee of the frontier is ${knee.label}.` : `The frontier has no knee: ${feature.knee.reason}.`);
  sentences.push(current
    ? `The feature runs at ${current.label} today (the diamond).`
    : 'The point the feature runs at today has no eval data, so it is not drawn.');
  if (rated.some((point) => !isLabelled(point))) {
    sentences.push('Cascade threshold points carry their label and numbers as a tooltip.');
  }
  if (anyCut) {
    sentences.push('Whiskers that end at the right edge reach further.');
  }
  return sentences.join(' ');
}
