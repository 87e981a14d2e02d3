// Starts the page: shows the key form when it has no key, then loads the runs and the examples.
import './styles.css';
import { setUpAlertBanner, showVersionAlerts } from './alertBanner.js';
import { getJson, whenUnauthorized } from './api.js';
import { formatCount, formatDateTime } from './format.js';
import { readKey, storeKey, takeKeyFromFragment } from './key.js';
import { createForecastsView } from './forecastsView.js';
import { createLeversView } from './leversView.js';
import { createFeed } from './live.js';
import { showError } from './problems.js';
import { createRunView } from './runView.js';
import { setUpStartForm } from './startForm.js';

const picker = document.getElementById('run-picker');
const connectionState = document.getElementById('connection-state');

const feed = createFeed({
  progress: (status) => view.progress(status),
  converged: (event) => view.converged(event),
  finished: (status) => view.finished(status),
  versionAdded: (added) => {
    showVersionAlerts(added);
    forecasts.versionAdded(added).catch((error) => showError(document.getElementById('forecast-error'), error));
  },
  reconnected: () => view.reconnected().catch((error) => showError(runError(), error)),
  unauthorized: () => askForKey('The live feed rejected the key (HTTP 401). Enter a valid key.'),
  connection: (text) => (connectionState.textContent = text),
});
const view = createRunView(feed, updateRunOption);
const forecasts = createForecastsView();
const levers = createLeversView();
let shownView = 'runs';

setUpAlertBanner();
whenUnauthorized((error) => askForKey(`The API rejected the key (HTTP ${error.status}). Enter a valid key.`));

document.getElementById('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('key-input');
  storeKey(input.value.trim());
  input.value = '';
  open();
});
picker.addEventListener('change', () => view.select(picker.value).catch((error) => showError(runError(), error)));
document.getElementById('refresh-runs').addEventListener('click', () => loadRuns().catch(() => {}));
for (const tab of document.querySelectorAll('#view-tabs button')) {
  tab.addEventListener('click', () => showView(tab.dataset.view));
}

// A link with #key=... opened in a tab that shows the page already changes only the fragment.
window.addEventListener('hashchange', () => {
  if (takeKeyFromFragment()) {
    open();
  }
});

takeKeyFromFragment();
if (readKey()) {
  open();
} else {
  askForKey('');
}

function askForKey(message) {
  document.getElementById('app').hidden = true;
  document.getElementById('picker').hidden = true;
  document.getElementById('view-tabs').hidden = true;
  document.getElementById('key-section').hidden = false;
  document.getElementById('key-message').textContent = message;
  document.getElementById('key-input').focus();
}

async function open() {
  let runs;
  let examples;
  let me;
  try {
    [runs, examples, me] = await Promise.all([getJson('/api/runs'), getJson('/api/examples'), getJson('/api/me')]);
  } catch (error) {
    if (error.status !== 401) {
      showStartupError(error);
    }
    return;
  }

  document.getElementById('key-section').hidden = true;
  document.getElementById('app').hidden = false;
  document.getElementById('view-tabs').hidden = false;
  document.body.dataset.role = me.role;
  showView(shownView);

  // The data attribute marks that new versions now reach the page, which the browser tests wait for.
  feed.watchForecasts().then(
    () => (document.body.dataset.forecastEvents = 'watching'),
    () => (connectionState.textContent = 'Live feed: new forecast versions are not received'),
  );
  fillRunPicker(runs);
  setUpStartForm(examples, started);
  levers.setExamples(examples);
  document.getElementById('start-panel').open = runs.length === 0;
  if (runs.length > 0 && !view.currentRunId()) {
    picker.value = runs[0].runId;
    await view.select(runs[0].runId);
  }
}

async function started(status) {
  await loadRuns();
  picker.value = status.runId;
  document.getElementById('start-panel').open = false;
  await view.select(status.runId);
}

async function loadRuns() {
  fillRunPicker(await getJson('/api/runs'));
}

function fillRunPicker(runs) {
  const chosen = view.currentRunId() ?? '';
  const options = runs.map((run) => {
    const option = new Option(runLabel(run), run.runId);
    option.dataset.startedAt = run.startedAt ?? '';
    return option;
  });
  picker.replaceChildren(new Option(runs.length ? 'Choose a run' : 'No runs yet', ''), ...options);
  picker.value = chosen;
}

function updateRunOption(status) {
  const option = [...picker.options].find((o) => o.value === status.runId);
  if (option) {
    option.textContent = runLabel({ ...status, startedAt: option.dataset.startedAt });
  }
}

function runLabel(run) {
  const started = run.startedAt ? ` · ${formatDateTime(run.startedAt)}` : '';
  const trials = `${formatCount(run.trialsDone)} of ${formatCount(run.trials)} trials`;
  return `${run.scenario} · ${run.state} · ${trials}${started}`;
}

/**
 * Shows the live runs ("runs"), the tracked forecasts ("forecasts") or the levers ("levers"); the run picker
 * belongs to the runs.
 */
function showView(name) {
  shownView = name;
  document.getElementById('view-runs').hidden = name !== 'runs';
  document.getElementById('picker').hidden = name !== 'runs';
  document.getElementById('view-forecasts').hidden = name !== 'forecasts';
  document.getElementById('view-levers').hidden = name !== 'levers';
  for (const tab of document.querySelectorAll('#view-tabs button')) {
    tab.setAttribute('aria-pressed', String(tab.dataset.view === name));
  }
  if (name === 'forecasts') {
    forecasts.load().catch((error) => showError(document.getElementById('forecast-error'), error));
  }
}

function showStartupError(error) {
  document.getElementById('key-section').hidden = true;
  document.getElementById('app').hidden = false;
  showError(document.getElementById('start-result'), error);
}

const runError = () => document.getElementById('run-error');
