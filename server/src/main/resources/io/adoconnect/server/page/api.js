// The service's API as the page calls it: every call carries the browser session's cookie (sent by
// the browser) and this tab's secret (X-Tab-Secret, from the login exchange); a failure becomes an
// ApiError in the API's one error shape {code, message, hint, action?: {type, parameters}}.

export const TAB_HEADER = 'X-Tab-Secret';

let tabSecret = null;
let signedOutHandler = () => {};

/** The secret the login exchange gave this tab; sent with every call. */
export function setTabSecret(secret) {
  tabSecret = secret;
}

/** Called when the service says this tab has no session (401). */
export function onSignedOut(handler) {
  signedOutHandler = handler;
}

export class ApiError extends Error {
  constructor(status, code, message, hint, action) {
    super(message);
    this.status = status;
    this.code = code;
    this.hint = hint || null;
    this.action = action && typeof action.type === 'string' ? { type: action.type, parameters: action.parameters || {} } : null;
  }
}

/** The ApiError of a failed response; tolerates a body that isn't the error shape. */
export async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (ignored) {
    // not JSON: fall through
  }
  if (body && body.message) return new ApiError(response.status, body.code, body.message, body.hint, body.action);
  return new ApiError(response.status, 'http_' + response.status, 'The service answered ' + response.status + '.',
    'Reload the page; if it keeps happening, look at the output of ado-connect serve.');
}

/** Calls the API; throws ApiError with the API's message, hint and action. A 401 means this tab's session ended. */
export async function api(method, path, body, init) {
  const extra = init || {};
  const headers = Object.assign({ Accept: 'application/json' }, extra.headers || {});
  if (tabSecret) headers[TAB_HEADER] = tabSecret;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, Object.assign({}, extra, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    }));
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'service_unreachable', 'The ado-connect service did not answer.',
      'Check that ado-connect serve is still running, then reload the page.');
  }
  if (response.status === 401) {
    const error = await failure(response);
    signedOutHandler(error);
    throw error;
  }
  if (!response.ok) throw await failure(response);
  return response;
}

export async function apiJson(method, path, body) {
  const response = await api(method, path, body);
  return response.status === 204 ? null : response.json();
}
