// One feature of POST /api/levers: its quality-cost chart, the moves from the current point, the routing
// measures of its cascade, and the points the chart cannot show.
import { formatPercent, formatTaskUsd } from './format.js';
import { formatQuality, formatQualityChange, formatRelativeChange, formatTaskUsdChange } from './leverFormat.js';
import { createQualityCostChart } from './qualityCostChart.js';
import { headerCell } from './tables.js';

/** Returns the element that shows `feature` (a feature of the lever report). */
export function createFeatureLevers(feature) {
  const article = document.createElement('article');
  article.className = 'lever-feature';
  article.dataset.feature = feature.feature;

  const heading = document.createElement('h4');
  heading.textContent = feature.feature;
  article.append(heading);

  const chart = createQualityCostChart(feature);
  article.append(chart ?? paragraph('No operating point has eval data, so there is nothing to draw.', 'hint'));
  article.append(movesPart(feature));
  if (feature.routing) {
    article.append(routingPart(feature.routing));
  } else if (feature.noRoutingReason) {
    article.append(paragraph(`No routing measures: ${feature.noRoutingReason}.`, 'hint'));
  }

  const unrated = feature.points.filter((point) => !point.quality);
  if (unrated.length > 0 || feature.skipped.length > 0) {
    article.append(unratedList(unrated, feature.skipped));
  }
  return article;
}

/** Returns the table of the moves to the knee and one tier down, or the reason there are none. */
function movesPart(feature) {
  if (!feature.moves) {
    return paragraph(`No moves: ${feature.noMovesReason}.`, 'hint');
  }

  const current = feature.moves.current;
  const table = document.createElement('table');
  table.className = 'moves-table';
  table.createCaption().textContent = `Moves from ${current.label}, which costs ${formatTaskUsd(current.costUsd)} ` +
    `per task at quality ${formatQuality(current.quality)}`;
  const head = table.createTHead().insertRow();
  for (const label of ['Move', 'To', 'Mean cost per task', 'Cost change', 'Quality', 'Quality change']) {
    head.append(headerCell(label, 'col'));
  }

  const body = table.createTBody();
  moveRow(body, 'to-knee', 'To the knee', feature.moves.toKnee,
    `the frontier has no knee: ${feature.moves.noKneeReason}`);
  moveRow(body, 'one-tier-down', 'One tier down', feature.moves.oneTierDown,
    'no frontier point is cheaper than the current point');
  return table;
}

function moveRow(body, kind, name, move, missing) {
  const row = body.insertRow();
  row.dataset.move = kind;
  row.append(headerCell(name, 'row'));
  if (!move) {
    const cell = row.insertCell();
    cell.colSpan = 5;
    cell.className = 'hint';
    cell.textContent = `None: ${missing}.`;
    return;
  }

  row.insertCell().textContent = move.target.label;
  row.insertCell().textContent = formatTaskUsd(move.target.costUsd);
  const cost = row.insertCell();
  cost.dataset.usd = String(move.costDeltaUsd);
  const relative = formatRelativeChange(move.relativeCostChange);
  cost.textContent = relative ? `${formatTaskUsdChange(move.costDeltaUsd)} (${relative})` : formatTaskUsdChange(move.costDeltaUsd);
  row.insertCell().textContent = formatQuality(move.target.quality);
  row.insertCell().textContent = formatQualityChange(move.qualityDelta);
}

/** Returns the RouteLLM measures of a cascade: APGR and the thresholds that recover 50 % and 80 % of the gap. */
function routingPart(routing) {
  const part = document.createElement('div');
  part.className = 'routing';
  const heading = document.createElement('h5');
  heading.textContent = `Cascade router: ${routing.cheapModel} first, ${routing.strongModel} when unsure`;
  part.append(heading);

  const facts = document.createElement('ul');
  const add = (text) => {
    const item = document.createElement('li');
    item.textContent = text;
    facts.append(item);
  };
  if (routing.sweep.pgrUndefinedReason) {
    add(`Performance gap recovered (PGR) is undefined: ${routing.sweep.pgrUndefinedReason}.`);
  } else {
    add(`Quality gap between the two models on the eval items: ${formatQualityChange(routing.sweep.qualityGap)}.`);
    add(`Average performance gap recovered (APGR): ${routing.averagePerformanceGapRecovered.toFixed(3)}; ` +
      'a router that escalates at random scores about 0.5.');
    add(recovery('50 %', routing.callPerformance50));
    add(recovery('80 %', routing.callPerformance80));
  }
  if (routing.droppedItems > 0) {
    add(`${routing.droppedItems} eval items have a result from only one of the two models and are left out.`);
  }
  part.append(facts);
  part.append(paragraph('Measured on the same eval items that choose the threshold, so optimistic for new traffic.',
    'hint'));
  return part;
}

function recovery(share, point) {
  return point
    ? `${share} of the gap is recovered at threshold ${point.threshold.toFixed(2)}, escalating ` +
      `${formatPercent(point.escalationShare)} of the items.`
    : `No threshold recovers ${share} of the gap.`;
}

/** Returns the list of points without eval data, and of points that could not be costed, with the reasons. */
function unratedList(unrated, skipped) {
  const part = document.createElement('div');
  part.className = 'unrated';
  const heading = document.createElement('h5');
  heading.textContent = 'Not on the chart';
  const list = document.createElement('ul');
  for (const point of unrated) {
    const item = document.createElement('li');
    item.dataset.label = point.label;
    item.textContent = `${point.label}: ${formatTaskUsd(point.cost.meanUsd)} per task, no eval data: ` +
      `${point.noQualityReason}.`;
    list.append(item);
  }
  for (const point of skipped) {
    const item = document.createElement('li');
    item.dataset.label = point.label;
    item.textContent = `${point.label}: not costed: ${point.reason}.`;
    list.append(item);
  }
  part.append(heading, list);
  return part;
}

function paragraph(text, className) {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}
