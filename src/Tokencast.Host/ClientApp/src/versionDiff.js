// The "compare with previous" table: each branch's whole-horizon P10, P50 and P90 in two versions.
import { formatPercent, formatSpendUsd } from './format.js';
import { headerCell } from './tables.js';

const statistics = ['p10', 'p50', 'p90'];

/**
 * Returns a table of the horizon rows of `diff` (the body of `/api/forecasts/{name}/diff`): the branch
 * totals, without features or months. A branch in only one version shows a dash for the other.
 */
export function diffTable(diff) {
  const table = document.createElement('table');
  table.className = 'version-diff';
  table.createCaption().textContent =
    `Whole-horizon spend of each branch, version ${diff.olderNumber} before and version ${diff.newerNumber} now`;

  const head = table.createTHead();
  const groups = head.insertRow();
  groups.append(headerCell('Branch', 'col', 2));
  for (const statistic of statistics) {
    groups.append(headerCell(statistic.toUpperCase(), 'colgroup', 1, 3));
  }
  const columns = head.insertRow();
  for (let i = 0; i < statistics.length; i++) {
    columns.append(headerCell('before', 'col'), headerCell('now', 'col'), headerCell('change', 'col'));
  }

  const body = table.createTBody();
  const horizonTotals = diff.bands.filter((row) => row.feature === null && row.month === null);
  for (const row of horizonTotals) {
    const line = body.insertRow();
    line.dataset.branch = row.branch;
    line.dataset.status = row.status;
    line.append(headerCell(row.branch, 'row'));
    for (const statistic of statistics) {
      const change = row[statistic];
      line.insertCell().textContent = usdOrDash(change.older);
      line.insertCell().textContent = usdOrDash(change.newer);
      const relative = line.insertCell();
      relative.className = 'change';
      relative.textContent = relativeText(change);
    }
  }
  return table;
}

const usdOrDash = (value) => (value === null || value === undefined ? '–' : formatSpendUsd(value));

// The server sends the relative change as null when either value is missing or the older one is zero.
function relativeText(change) {
  if (change.relative === null || change.relative === undefined) {
    return '–';
  }
  const sign = change.relative > 0 ? '+' : '';
  return `${sign}${formatPercent(change.relative)}`;
}
