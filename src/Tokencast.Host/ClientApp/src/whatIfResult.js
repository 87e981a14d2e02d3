// The result of POST /api/whatif: per branch the horizon spend before and after the change, and per feature
// the cost of one task in the first month with the quality before and after beside it.
import { formatMonth, formatSpendUsd, formatTaskUsd, parseMonth } from './format.js';
import { formatQuality, formatRelativeChange, formatSpendChange } from './leverFormat.js';
import { headerCell } from './tables.js';

const percentiles = ['p10', 'p50', 'p90'];

/** Returns the elements that show `result` (the what-if view of the API). */
export function createWhatIfResult(result) {
  const intro = document.createElement('p');
  intro.className = 'hint';
  intro.textContent = `${result.scenario}: ${result.months} months from ${formatMonth(parseMonth(result.firstMonth))}, ` +
    `${result.trials} trials per branch and seed ${result.seed} in both runs, so the change is not sampling noise. ` +
    `Changes: ${result.sets.map((set) => `${set.path}=${set.value}`).join(', ')}.`;

  const branches = result.branches.map((branch) => {
    const part = document.createElement('div');
    part.className = 'whatif-branch';
    part.dataset.branch = branch.branch;
    const heading = document.createElement('h4');
    heading.textContent = `Branch ${branch.branch}`;
    part.append(heading, spendTable(branch), featureTable(branch, result.firstMonth));
    return part;
  });
  return [intro, ...branches];
}

/** Returns the table of P10, P50 and P90 of horizon spend: before, after and the change. */
function spendTable(branch) {
  const table = document.createElement('table');
  table.className = 'whatif-spend';
  table.dataset.branch = branch.branch;
  table.createCaption().textContent = 'Spend over the horizon in USD';
  const head = table.createTHead().insertRow();
  for (const label of ['', 'Before', 'After', 'Change']) {
    head.append(headerCell(label, 'col'));
  }

  const body = table.createTBody();
  for (const percentile of percentiles) {
    const row = body.insertRow();
    row.dataset.percentile = percentile;
    row.append(headerCell(percentile.toUpperCase(), 'row'));
    row.insertCell().textContent = formatSpendUsd(branch.before[percentile]);
    row.insertCell().textContent = formatSpendUsd(branch.after[percentile]);
    const change = row.insertCell();
    change.dataset.column = 'change';
    change.dataset.usd = String(branch.change[percentile]);
    const relative = branch.before[percentile] === 0
      ? ''
      : formatRelativeChange(branch.change[percentile] / branch.before[percentile]);
    change.textContent = relative
      ? `${formatSpendChange(branch.change[percentile])} (${relative})`
      : formatSpendChange(branch.change[percentile]);
  }
  return table;
}

/** Returns the table of each feature's cost per task before and after, with quality for changed features. */
function featureTable(branch, firstMonth) {
  const table = document.createElement('table');
  table.className = 'whatif-features';
  table.createCaption().textContent = `Cost of one task in USD in ${formatMonth(parseMonth(firstMonth))}, and ` +
    'quality from the eval results for the features the change touches';
  const head = table.createTHead();
  const groups = head.insertRow();
  groups.append(headerCell('Feature', 'col', 2));
  groups.append(headerCell('Mean cost per task', 'colgroup', 1, 2));
  groups.append(headerCell('Median cost per task', 'colgroup', 1, 2));
  groups.append(headerCell('Quality', 'colgroup', 1, 2));
  const names = head.insertRow();
  for (let i = 0; i < 3; i++) {
    names.append(headerCell('Before', 'col'), headerCell('After', 'col'));
  }

  const body = table.createTBody();
  for (const feature of branch.features) {
    const row = body.insertRow();
    row.dataset.feature = feature.feature;
    row.dataset.changed = String(feature.changed);
    row.append(headerCell(feature.changed ? `${feature.feature} (changed)` : feature.feature, 'row'));
    row.insertCell().textContent = formatTaskUsd(feature.before?.meanUsd);
    row.insertCell().textContent = formatTaskUsd(feature.after?.meanUsd);
    row.insertCell().textContent = formatTaskUsd(feature.before?.medianUsd);
    row.insertCell().textContent = formatTaskUsd(feature.after?.medianUsd);
    qualityCell(row, feature, feature.qualityBefore);
    qualityCell(row, feature, feature.qualityAfter);
  }
  return table;
}

function qualityCell(row, feature, quality) {
  const cell = row.insertCell();
  if (!feature.changed) {
    return;
  }
  if (quality) {
    cell.textContent = formatQuality(quality);
    return;
  }
  cell.textContent = 'no eval data';
  cell.title = feature.noQualityReason ?? '';
}
