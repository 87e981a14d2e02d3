// The selected run: its plan and assumptions, a live fan chart per branch, convergence, and results.
import { getJson, postJson } from './api.js';
import { resetConvergence, showConverged, showConvergence } from './convergence.js';
import { createFanChart } from './fanChart.js';
import { formatWholeUsd, monthRange } from './format.js';
import { problemTable, showError } from './problems.js';
import { hideResults, showResults } from './results.js';

const terminalStates = new Set(['completed', 'failed', 'cancelled']);

/**
 * Creates the run view over the live `feed`. `onStatus(status)` hears every status the view accepts,
 * so the run picker can keep its text current.
 */
export function createRunView(feed, onStatus) {
  let run = null;

  async function select(runId) {
    const previous = run;
    run = null;
    if (previous) {
      await feed.unwatch(previous.runId).catch(() => {});
    }

    document.getElementById('no-run').hidden = Boolean(runId);
    document.getElementById('run-section').hidden = !runId;
    if (!runId) {
      return;
    }

    const selected = { runId, scenario: '', version: -1, charts: new Map(), resultsShown: false };
    run = selected;
    resetView(runId);

    try {
      const plan = await getJson(`/api/runs/${encodeURIComponent(runId)}/plan`);
      if (run !== selected) {
        return;
      }
      selected.scenario = plan.scenario;
      showPlan(plan, selected.charts);
      apply(await feed.watch(runId), selected);
    } catch (error) {
      if (run === selected) {
        showError(document.getElementById('run-error'), error);
      }
    }
  }

  // Applies a status unless a newer version was seen, because progress may overtake Watch's reply. An
  // equal version is applied only for the final status, in case the host sends it without a new version.
  function apply(status, selected = run, final = false) {
    const stale = final ? status.version < selected?.version : status.version <= selected?.version;
    if (!selected || status.runId !== selected.runId || stale) {
      return;
    }
    selected.version = status.version;
    onStatus(status);

    document.getElementById('run-state').textContent = status.state;
    document.getElementById('cancel-run').hidden = status.state !== 'running';
    showConvergence(status);
    for (const branch of status.branches) {
      selected.charts.get(branch.branch)?.update(branch);
    }
    showFailure(status);

    if (status.state === 'completed' && !selected.resultsShown) {
      selected.resultsShown = true;
      showResults(selected);
    }
  }

  async function cancel() {
    if (!run) {
      return;
    }
    const button = document.getElementById('cancel-run');
    button.disabled = true;
    try {
      apply(await postJson(`/api/runs/${encodeURIComponent(run.runId)}/cancel`));
    } catch (error) {
      showError(document.getElementById('run-error'), error);
    } finally {
      button.disabled = false;
    }
  }

  document.getElementById('cancel-run').addEventListener('click', cancel);

  return {
    select,
    progress: (status) => apply(status),
    finished: (status) => apply(status, run, true),
    converged: (event) => {
      if (run && event.runId === run.runId) {
        showConverged(event.trialsDone);
      }
    },
    /** Watches the shown run again after the connection came back, and catches up on its status. */
    async reconnected() {
      const selected = run;
      if (selected) {
        apply(await feed.watch(selected.runId), selected);
      }
    },
    currentRunId: () => run?.runId ?? null,
  };
}

function resetView(runId) {
  document.getElementById('run-title').textContent = `Run ${runId}`;
  document.getElementById('run-description').textContent = '';
  document.getElementById('run-state').textContent = 'loading';
  document.getElementById('cancel-run').hidden = true;
  document.getElementById('run-error').replaceChildren();
  document.getElementById('charts').replaceChildren();
  resetConvergence();
  hideResults();
}

function showPlan(plan, charts) {
  document.getElementById('run-title').textContent = plan.scenario;
  document.getElementById('run-description').textContent = plan.description ?? '';

  const container = document.getElementById('charts');
  const months = monthRange(plan.firstMonth, plan.months);
  for (const branch of plan.branches) {
    const article = document.createElement('article');
    article.className = 'branch';

    const heading = document.createElement('h3');
    heading.textContent = branch.name;
    const description = document.createElement('p');
    description.className = 'hint';
    description.textContent = branch.description ?? '';
    const chart = document.createElement('div');
    chart.className = 'chart';
    const horizon = document.createElement('p');
    horizon.className = 'horizon';

    article.append(heading, description, chart, horizon, assumptionTable(branch.assumptions ?? []));
    container.append(article);

    const fan = createFanChart(chart, branch.name, months, branch.monthlyBudgetUsd);
    charts.set(branch.name, {
      update(progress) {
        fan.update(progress);
        horizon.textContent = horizonText(progress.horizon);
      },
    });
  }
}

function horizonText(band) {
  if (!band) {
    return '';
  }
  return `Whole horizon: P10 ${formatWholeUsd(band.p10)}, P50 ${formatWholeUsd(band.p50)}, ` +
    `P90 ${formatWholeUsd(band.p90)}`;
}

function assumptionTable(assumptions) {
  if (assumptions.length === 0) {
    const note = document.createElement('p');
    note.className = 'hint no-assumptions';
    note.textContent = 'Assumptions: as in the base scenario.';
    return note;
  }

  const table = document.createElement('table');
  table.className = 'assumptions';
  table.createCaption().textContent = 'Assumptions changed from the base scenario';
  const head = table.createTHead().insertRow();
  for (const name of ['Path', 'Base', 'This branch']) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = name;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const assumption of assumptions) {
    const row = body.insertRow();
    row.insertCell().textContent = assumption.path;
    row.insertCell().textContent = showValue(assumption.baseValue);
    row.insertCell().textContent = showValue(assumption.branchValue);
  }
  return table;
}

const showValue = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function showFailure(status) {
  const container = document.getElementById('run-error');
  if (!terminalStates.has(status.state) || status.state === 'completed') {
    return;
  }
  const parts = [];
  if (status.error) {
    const message = document.createElement('p');
    message.className = 'problem-title';
    message.textContent = status.error;
    parts.push(message);
  }
  if (status.problems?.length) {
    parts.push(problemTable(status.problems));
  }
  container.replaceChildren(...parts);
}
