// The review of the period a version closed (the body of /api/forecasts/{name}/versions/{n}/review):
// actual against forecast spend per feature split into five Shapley parts, a bar chart of the total's
// parts, the weekly checks against the band, and estimated against billed cost.
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { formatSpendUsd } from './format.js';
import { headerCell } from './tables.js';

/** The five parts of actual − forecast, in the order the review lists them. */
const parts = [
  { key: 'volumeUsd', label: 'Volume' },
  { key: 'mixUsd', label: 'Mix' },
  { key: 'tokensPerTaskUsd', label: 'Tokens per task' },
  { key: 'unitPriceUsd', label: 'Unit price' },
  { key: 'cacheHitRateUsd', label: 'Cache hit' },
];

const columns = [
  { key: 'forecastUsd', label: 'Forecast' },
  { key: 'actualUsd', label: 'Actual' },
  { key: 'differenceUsd', label: 'Difference' },
  ...parts,
];

const dayMs = 24 * 60 * 60 * 1000;
const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Fills `container` with the review, or with a note when `review` is null (the version closed no period). */
export function showReview(container, review) {
  if (!review) {
    container.replaceChildren(hint(
      'This version closed no period: it is the first version or was made without actuals.',
    ));
    return;
  }

  const period = document.createElement('p');
  period.className = 'hint';
  period.textContent = `Actual usage from ${review.from} to ${dayBefore(review.until)} against the forecast ` +
    `of version ${review.comparedVersion}, branch ${review.branch}. Both sides are token spend only.`;
  const children = [period];

  if (review.explanation) {
    children.push(varianceTable(review.explanation), partsChart(review.explanation.total));
  } else {
    children.push(hint(`Nothing was explained: ${review.notExplained}.`));
  }
  children.push(weeksTable(review), costNote(review));
  container.replaceChildren(...children);
}

/** Returns the table of features × (forecast, actual, difference, five parts), with a total row. */
function varianceTable(explanation) {
  const table = document.createElement('table');
  table.className = 'variance-table';
  table.createCaption().textContent =
    'Spend per feature in USD. The difference (actual − forecast) is split into five parts by the Shapley ' +
    'value, and the parts add up exactly to the difference.';

  const head = table.createTHead();
  const groups = head.insertRow();
  groups.append(headerCell('Feature', 'col', 2));
  groups.append(headerCell('Spend', 'colgroup', 1, 3));
  groups.append(headerCell('Parts of the difference', 'colgroup', 1, parts.length));
  const names = head.insertRow();
  for (const column of columns) {
    names.append(headerCell(column.label, 'col'));
  }

  const body = table.createTBody();
  for (const [feature, values] of Object.entries(explanation.features)) {
    varianceRow(body.insertRow(), feature, feature, values);
  }
  const total = table.createTFoot().insertRow();
  total.className = 'total';
  varianceRow(total, 'Total', '', explanation.total);
  return table;
}

function varianceRow(row, label, feature, values) {
  row.dataset.feature = feature;
  row.append(headerCell(label, 'row'));
  for (const column of columns) {
    const cell = row.insertCell();
    cell.dataset.column = column.key;
    cell.dataset.usd = String(values[column.key]);
    cell.textContent = column.key === 'forecastUsd' || column.key === 'actualUsd'
      ? formatSpendUsd(values[column.key])
      : formatSignedUsd(values[column.key]);
  }
}

/** Returns a horizontal bar chart of the five parts of the total, from zero: right adds spend, left saves. */
function partsChart(total) {
  const width = 560;
  const height = 190;
  const margin = { top: 10, right: 24, bottom: 30, left: 120 };
  const values = parts.map((part) => ({ ...part, usd: total[part.key] }));
  const low = Math.min(0, ...values.map((d) => d.usd));
  const high = Math.max(0, ...values.map((d) => d.usd));

  const x = scaleLinear()
    .domain(low === high ? [-1, 1] : [low, high])
    .nice()
    .range([margin.left, width - margin.right]);
  const y = scaleBand()
    .domain(values.map((d) => d.label))
    .range([margin.top, height - margin.bottom])
    .padding(0.25);

  const figure = document.createElement('figure');
  figure.className = 'parts-chart';
  const svg = select(figure)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', 'Parts of the total difference: ' +
      values.map((d) => `${d.label} ${formatSignedUsd(d.usd)}`).join(', '));

  svg.append('g')
    .selectAll('rect')
    .data(values)
    .join('rect')
    .attr('class', (d) => (d.usd >= 0 ? 'part above' : 'part below'))
    .attr('data-part', (d) => d.key)
    .attr('x', (d) => x(Math.min(0, d.usd)))
    .attr('width', (d) => Math.abs(x(d.usd) - x(0)))
    .attr('y', (d) => y(d.label))
    .attr('height', y.bandwidth());
  svg.append('line')
    .attr('class', 'zero')
    .attr('x1', x(0))
    .attr('x2', x(0))
    .attr('y1', margin.top)
    .attr('y2', height - margin.bottom);
  svg.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(5).tickFormat(formatSpendUsd));
  svg.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).tickSize(0));

  const caption = document.createElement('figcaption');
  caption.textContent = 'Parts of the total difference in USD: right of zero adds spend, left of zero saves it.';
  figure.append(caption);
  return figure;
}

/** Returns the table of the closed ISO weeks against the band scaled to the week, out-of-band rows marked. */
function weeksTable(review) {
  if (review.weeks.length === 0) {
    return hint('The period holds no whole ISO week (Monday to Sunday), so no week was checked.');
  }

  const table = document.createElement('table');
  table.className = 'weeks-table';
  table.createCaption().textContent =
    `Each whole week's actual estimated spend against the band of version ${review.comparedVersion} ` +
    `scaled to the week (P${review.low} to P${review.high})`;
  const head = table.createTHead().insertRow();
  for (const label of ['Week', 'Actual', `Low (P${review.low})`, `High (P${review.high})`, 'Status']) {
    head.append(headerCell(label, 'col'));
  }

  const body = table.createTBody();
  for (const week of review.weeks) {
    const row = body.insertRow();
    row.dataset.week = week.weekStart;
    row.dataset.status = week.status;
    if (week.status !== 'in band') {
      row.className = 'out-of-band';
    }
    row.append(headerCell(weekLabel(week), 'row'));
    row.insertCell().textContent = formatSpendUsd(week.actualUsd);
    row.insertCell().textContent = usdOrDash(week.lowUsd);
    row.insertCell().textContent = usdOrDash(week.highUsd);
    row.insertCell().textContent = week.status;
  }
  return table;
}

/** Returns the estimated against billed cost when the store had bills, and the tasks left out for want of a price. */
function costNote(review) {
  const note = document.createElement('p');
  note.className = 'cost-note';
  const sentences = [];
  if (review.billedUsd !== null && review.billedUsd !== undefined) {
    const gap = review.billedUsd - review.estimatedUsd;
    sentences.push(`Estimated from tokens at catalog prices ${formatSpendUsd(review.estimatedUsd)}, billed ` +
      `${formatSpendUsd(review.billedUsd)}: the bill is ${formatSignedUsd(gap)} from the estimate.`);
    note.dataset.billedUsd = String(review.billedUsd);
  } else {
    sentences.push(`Estimated from tokens at catalog prices ${formatSpendUsd(review.estimatedUsd)}; ` +
      'the store has no bills for the period.');
  }
  if (review.unpricedTasks > 0) {
    sentences.push(`${review.unpricedTasks} tasks are left out because the catalog has no price for ` +
      `${review.unpricedModels.join(', ')}.`);
  }
  note.textContent = sentences.join(' ');
  return note;
}

/** Formats an ISO week as "2026-W06 (Feb 2 – Feb 8)" from its Monday and the Monday after. */
function weekLabel(week) {
  const monday = new Date(`${week.weekStart}T00:00:00Z`);
  const sunday = new Date(`${week.weekEnd}T00:00:00Z`).getTime() - dayMs;
  // The ISO week belongs to the year of its Thursday and counts from the week containing that year's first Thursday.
  const thursday = new Date(monday.getTime() + 3 * dayMs);
  const year = thursday.getUTCFullYear();
  const number = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * dayMs));
  return `${year}-W${String(number).padStart(2, '0')} (${shortDate.format(monday)} – ${shortDate.format(sunday)})`;
}

function dayBefore(date) {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() - dayMs).toISOString().slice(0, 10);
}

function formatSignedUsd(value) {
  return value > 0 ? `+${formatSpendUsd(value)}` : formatSpendUsd(value);
}

const usdOrDash = (value) => (value === null || value === undefined ? '–' : formatSpendUsd(value));

function hint(text) {
  const paragraph = document.createElement('p');
  paragraph.className = 'hint';
  paragraph.textContent = text;
  return paragraph;
}
