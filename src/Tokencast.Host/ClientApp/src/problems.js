// Renders API errors: the problem's title and detail, and its list of input problems as a table.
import { ApiError } from './api.js';

// Shown when a response carries no problem details, as a proxy or Kestrel itself may send for 413.
const fallbackDetail = {
  403: 'This key may view runs but not start or cancel them; use a planner key.',
  413: 'The scenario is larger than the host accepts.',
  429: 'Too many runs are running at once; wait for one to finish, then start again.',
};

/** Replaces the contents of `container` with a readable account of `error`. */
export function showError(container, error) {
  container.replaceChildren(describeError(error));
}

/** Builds the element that describes `error`: an ApiError, a SignalR error or any other Error. */
export function describeError(error) {
  const box = document.createElement('div');
  box.className = 'problem';
  box.setAttribute('role', 'alert');

  const heading = document.createElement('p');
  heading.className = 'problem-title';
  const detail = document.createElement('p');
  detail.className = 'problem-detail';

  if (error instanceof ApiError) {
    const problem = error.problem ?? {};
    heading.textContent = `${problem.title ?? error.statusText ?? 'Request failed'} (HTTP ${error.status})`;
    detail.textContent = problem.problems?.length ? '' : (problem.detail ?? fallbackDetail[error.status] ?? '');
    box.append(heading, detail);
    if (problem.problems?.length) {
      box.append(problemTable(problem.problems));
    }
    return box;
  }

  heading.textContent = 'Request failed';
  detail.textContent = error?.message ?? String(error);
  box.append(heading, detail);
  return box;
}

/** Builds a table of input problems: where each is (file, line, path), the value and what is wrong. */
export function problemTable(problems) {
  const table = document.createElement('table');
  table.className = 'problems';
  const head = table.createTHead().insertRow();
  for (const name of ['File', 'Line', 'Path', 'Value', 'Problem']) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = name;
    head.append(cell);
  }

  const body = table.createTBody();
  for (const problem of problems) {
    const row = body.insertRow();
    const cells = [problem.file, problem.line, problem.path, problem.value, problem.message ?? problem.text];
    for (const value of cells) {
      row.insertCell().textContent = value ?? '';
    }
  }
  return table;
}
