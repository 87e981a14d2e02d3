// The REST client: every request carries the stored key; a 401 drops the key and shows the key form.
import { dropKey, readKey } from './key.js';

/** An HTTP error from the API, with the RFC 7807 problem details when the response had them. */
export class ApiError extends Error {
  constructor(status, statusText, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status} ${statusText}`);
    this.status = status;
    this.statusText = statusText;
    this.problem = problem;
  }
}

let onUnauthorized = () => {};

/** Sets what happens after a 401: the key is already dropped when `handler` runs. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** Sends a request to the API and returns the response; throws ApiError on a status outside 2xx. */
export async function send(method, path, body) {
  const headers = { Authorization: `Bearer ${readKey()}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  if (response.ok) {
    return response;
  }
  const error = new ApiError(response.status, response.statusText, await readProblem(response));
  if (response.status === 401) {
    dropKey();
    onUnauthorized(error);
  }
  throw error;
}

/** Sends a request and returns its JSON body. */
export async function sendJson(method, path, body) {
  const response = await send(method, path, body);
  return response.json();
}

export const getJson = (path) => sendJson('GET', path);
export const postJson = (path, body) => sendJson('POST', path, body ?? {});

async function readProblem(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}
