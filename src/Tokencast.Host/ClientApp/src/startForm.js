// The form that starts a run from a bundled example or from a scenario the user pastes or uploads.
import { postJson } from './api.js';
import { describeError, showError } from './problems.js';

/** Wires the form to `examples` (from /api/examples); `onStarted(status)` hears each accepted run. */
export function setUpStartForm(examples, onStarted) {
  const form = document.getElementById('start-form');
  const result = document.getElementById('start-result');
  const picker = document.getElementById('example-picker');
  const text = document.getElementById('scenario-text');
  const name = document.getElementById('scenario-name');

  picker.replaceChildren(...examples.map((e) => new Option(e.name, e.name)));
  const describe = () => {
    const example = examples.find((e) => e.name === picker.value);
    document.getElementById('example-description').textContent = example
      ? `${example.description} Branches: ${example.branches.join(', ')}.`
      : 'The host has no bundled examples.';
  };
  picker.onchange = describe;
  describe();
  document.getElementById('start-example').disabled = examples.length === 0;

  document.getElementById('scenario-file').onchange = async (event) => {
    const file = event.target.files[0];
    if (file) {
      text.value = await file.text();
      name.value = file.name;
    }
  };

  document.getElementById('validate-scenario').onclick = async () => {
    if (!requireScenario(text, result)) {
      return;
    }
    try {
      const checked = await postJson('/api/scenarios/validate', { name: name.value, text: text.value });
      const warnings = checked.warnings.length ? ` Warnings: ${checked.warnings.join(' ')}` : '';
      showNote(result, `${checked.name} is valid. Branches: ${checked.branches.join(', ')}.${warnings}`);
    } catch (error) {
      showError(result, error);
    }
  };

  form.onsubmit = async (event) => {
    event.preventDefault();
    const source = event.submitter?.dataset.source ?? 'example';
    if (!form.reportValidity() || (source === 'scenario' && !requireScenario(text, result))) {
      return;
    }

    const request = settings(form);
    if (source === 'scenario') {
      request.scenario = { name: name.value, text: text.value };
    } else {
      request.example = picker.value;
    }

    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => (b.disabled = true));
    try {
      const status = await postJson('/api/runs', request);
      result.replaceChildren();
      onStarted(status);
    } catch (error) {
      result.replaceChildren(describeError(error));
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      document.getElementById('start-example').disabled = examples.length === 0;
    }
  };
}

// Reads the simulation settings; an empty field is left out so the host applies its default.
function settings(form) {
  const request = {};
  for (const field of ['trials', 'seed', 'blockSize', 'tolerance']) {
    const input = form.elements[field];
    if (input.value !== '') {
      request[field] = input.valueAsNumber;
    }
  }
  request.stopWhenConverged = form.elements.stopWhenConverged.checked;
  return request;
}

function requireScenario(text, result) {
  if (text.value.trim() !== '') {
    return true;
  }
  showNote(result, 'Paste a scenario or choose a YAML file first.', 'error');
  return false;
}

function showNote(container, message, className = 'note') {
  const note = document.createElement('p');
  note.className = className;
  note.textContent = message;
  container.replaceChildren(note);
}
