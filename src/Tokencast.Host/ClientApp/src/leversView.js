// The Levers view: for a bundled example or a pasted scenario, each feature's quality-cost chart
// (POST /api/levers), a what-if comparison (POST /api/whatif) and the assumptions that widen the band
// (POST /api/sensitivity). A viewer key sees an explanation instead, because the analyses need a planner key.
import { send } from './api.js';
import { saveBlob } from './download.js';
import { createFeatureLevers } from './featureLevers.js';
import { showError } from './problems.js';
import { createTornadoChart } from './tornadoChart.js';
import { createWhatIfResult } from './whatIfResult.js';

/** Wires the view's forms; call `setExamples` with the list from /api/examples once it has arrived. */
export function createLeversView() {
  const form = document.getElementById('levers-form');
  const picker = document.getElementById('levers-example');
  const text = document.getElementById('levers-scenario-text');
  const name = document.getElementById('levers-scenario-name');
  let examples = [];

  picker.addEventListener('change', () => describeExample(examples, picker.value));
  text.addEventListener('input', () => (form.elements.analysisSource.value = 'scenario'));
  document.getElementById('levers-scenario-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (file) {
      text.value = await file.text();
      name.value = file.name;
      form.elements.analysisSource.value = 'scenario';
    }
  });

  const levers = analysis('levers', '/api/levers', (body) => body, (report, container) =>
    container.replaceChildren(...report.features.map(createFeatureLevers)));
  const whatIf = analysis('whatif', '/api/whatif', (body) => ({ ...body, sets: readSets(), branch: readBranch() }),
    (result, container) => container.replaceChildren(...createWhatIfResult(result)));
  const sensitivity = analysis('sensitivity', '/api/sensitivity', (body) => ({ ...body, branch: readBranch() }),
    (ranking, container) => container.replaceChildren(...ranking.branches.map(createTornadoChart)));

  document.getElementById('run-levers').addEventListener('click', () => levers.run());
  document.getElementById('run-sensitivity').addEventListener('click', () => sensitivity.run());
  document.getElementById('whatif-form').addEventListener('submit', (event) => {
    event.preventDefault();
    whatIf.run();
  });

  /**
   * Returns one analysis. Its `run` posts the request that `complete` makes from the common fields and draws
   * the response with `draw`. The CSV button posts the last request again with format=csv and saves the file.
   */
  function analysis(kind, path, complete, draw) {
    const status = document.getElementById(`${kind}-status`);
    const error = document.getElementById(`${kind}-error`);
    const result = document.getElementById(`${kind}-result`);
    const runButton = document.getElementById(`run-${kind}`);
    const download = document.getElementById(`download-${kind}`);
    let lastRequest = null;

    download.addEventListener('click', async () => {
      try {
        const response = await send('POST', `${path}?format=csv`, lastRequest);
        saveBlob(await response.blob(), `${sourceName(lastRequest)}-${kind}.csv`);
      } catch (failure) {
        showError(error, failure);
      }
    });

    async function run() {
      const common = commonFields(error);
      if (!common) {
        return;
      }
      const request = complete(common);
      runButton.disabled = true;
      status.textContent = 'Running on the host…';
      error.replaceChildren();
      try {
        const response = await (await send('POST', path, request)).json();
        draw(response, result);
        lastRequest = request;
        download.disabled = false;
        status.textContent = '';
        result.dataset.state = 'shown';
      } catch (failure) {
        status.textContent = '';
        showError(error, failure);
      } finally {
        runButton.disabled = false;
      }
    }

    return { run };
  }

  /** Returns the source and settings every analysis sends, or null after saying in `error` what is missing. */
  function commonFields(error) {
    const request = {};
    if (form.elements.analysisSource.value === 'scenario') {
      if (text.value.trim() === '') {
        showNote(error, 'Paste a scenario or choose a YAML file first.');
        return null;
      }
      request.scenario = { name: name.value, text: text.value };
    } else {
      if (!picker.value) {
        showNote(error, 'The host offers no examples; paste a scenario.');
        return null;
      }
      request.example = picker.value;
    }
    for (const [field, input] of [['trials', form.elements.analysisTrials], ['seed', form.elements.analysisSeed]]) {
      if (input.value !== '') {
        request[field] = input.valueAsNumber;
      }
    }
    return request;
  }

  function readSets() {
    return document.getElementById('whatif-sets').value
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }

  function readBranch() {
    const branch = form.elements.analysisBranch.value.trim();
    return branch === '' ? undefined : branch;
  }

  function setExamples(list) {
    examples = list;
    const chosen = picker.value;
    picker.replaceChildren(...list.map((example) => new Option(example.name, example.name)));
    const preferred = list.find((example) => example.name === chosen) ?? list.find((e) => e.name === 'support-levers');
    if (preferred) {
      picker.value = preferred.name;
    }
    describeExample(examples, picker.value);
  }

  return { setExamples };
}

function describeExample(examples, chosen) {
  const example = examples.find((e) => e.name === chosen);
  document.getElementById('levers-example-description').textContent = example
    ? `${example.description} Branches: ${example.branches.join(', ')}.`
    : 'The host has no bundled examples.';
}

function sourceName(request) {
  const file = request.example ?? request.scenario?.name ?? 'scenario';
  return file.replace(/\.(ya?ml|json)$/i, '');
}

function showNote(container, message) {
  const note = document.createElement('p');
  note.className = 'error';
  note.textContent = message;
  container.replaceChildren(note);
}
