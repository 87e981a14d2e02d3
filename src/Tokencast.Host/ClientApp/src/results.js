// The final results of a completed run: cost per task per feature, and the bands as a CSV download.
import { send } from './api.js';
import { saveBlob } from './download.js';
import { formatCount, formatMonth, formatTaskUsd, parseMonth } from './format.js';
import { showError } from './problems.js';

/** Fetches the run's bands and fills the cost-per-task table; `run` is { runId, scenario }. */
export async function showResults(run) {
  const section = document.getElementById('results');
  const container = document.getElementById('cost-per-task');
  const monthPicker = document.getElementById('cost-month');
  section.hidden = false;

  let bands;
  try {
    bands = await (await send('GET', `/api/runs/${encodeURIComponent(run.runId)}/bands?format=json`)).json();
  } catch (error) {
    showError(container, error);
    return;
  }

  const months = [...new Set(bands.branches.flatMap((b) => b.cost_per_task.map((c) => c.month)))].sort();
  monthPicker.replaceChildren(
    ...months.map((month) => new Option(formatMonth(parseMonth(month)), month)),
  );
  monthPicker.value = months[months.length - 1] ?? '';
  monthPicker.onchange = () => container.replaceChildren(costTable(bands, monthPicker.value));
  container.replaceChildren(costTable(bands, monthPicker.value));

  document.getElementById('download-csv').onclick = () => downloadCsv(run, container);
}

/** Builds the table: a row per feature, and per branch the mean and P90 cost of one task in `month`. */
function costTable(bands, month) {
  const table = document.createElement('table');
  table.className = 'cost-table';
  table.id = 'cost-table';
  table.createCaption().textContent = `Cost per task in ${formatMonth(parseMonth(month))}`;

  const head = table.createTHead();
  const branchRow = head.insertRow();
  const featureHeader = header('Feature', 'col');
  featureHeader.rowSpan = 2;
  branchRow.append(featureHeader);
  const measureRow = head.insertRow();
  for (const branch of bands.branches) {
    const cell = header(branch.name, 'colgroup');
    cell.colSpan = 3;
    branchRow.append(cell);
    measureRow.append(header('Mean', 'col'), header('P90', 'col'), header('Tasks (P50)', 'col'));
  }

  const features = [...new Set(bands.branches.flatMap((b) => b.cost_per_task.map((c) => c.feature)))];
  const body = table.createTBody();
  for (const feature of features) {
    const row = body.insertRow();
    row.dataset.feature = feature;
    row.append(header(feature, 'row'));
    for (const branch of bands.branches) {
      const cost = branch.cost_per_task.find((c) => c.feature === feature && c.month === month);
      row.insertCell().textContent = formatTaskUsd(cost?.mean_usd);
      row.insertCell().textContent = formatTaskUsd(cost?.p90_usd);
      row.insertCell().textContent = cost ? formatCount(cost.tasks.p50) : '–';
    }
  }
  return table;
}

function header(text, scope) {
  const cell = document.createElement('th');
  cell.scope = scope;
  cell.textContent = text;
  return cell;
}

async function downloadCsv(run, errorContainer) {
  let blob;
  try {
    blob = await (await send('GET', `/api/runs/${encodeURIComponent(run.runId)}/bands?format=csv`)).blob();
  } catch (error) {
    showError(errorContainer, error);
    return;
  }
  saveBlob(blob, `${run.scenario}-${run.runId}-bands.csv`);
}

/** Hides the results, for a run that is not completed. */
export function hideResults() {
  document.getElementById('results').hidden = true;
  document.getElementById('cost-per-task').replaceChildren();
}
