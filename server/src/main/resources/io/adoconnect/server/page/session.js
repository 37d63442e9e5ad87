// The page's session. A login link opens the page at /login?ticket=…; the page trades the ticket
// for a session (POST /api/session): the browser gets the HttpOnly cookie, this tab gets its secret.
// The secret lives in this module and in sessionStorage, which the browser keeps per tab and per
// origin (port included) — unlike the cookie, which every port of 127.0.0.1 receives — so a reload
// or the round trip through Microsoft's sign-in keeps it, and a new tab needs a new login link.

import { failure, setTabSecret, apiJson, ApiError } from './api.js';
import { $, when } from './dom.js';

const STORE = 'ado-connect.tab-secret';

function remember(secret) {
  setTabSecret(secret);
  try {
    if (secret) sessionStorage.setItem(STORE, secret);
    else sessionStorage.removeItem(STORE);
  } catch (storageOff) {
    // no sessionStorage: the secret lives in this page only (a reload needs a new login link)
  }
}

function remembered() {
  try {
    return sessionStorage.getItem(STORE);
  } catch (storageOff) {
    return null;
  }
}

/** Trades the login link's ticket for this tab's session; the ticket leaves the address bar first. */
async function exchange(ticket) {
  history.replaceState(null, '', '/');
  let response;
  try {
    response = await fetch('/api/session', {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ticket }),
    });
  } catch (e) {
    throw new ApiError(0, 'service_unreachable', 'The ado-connect service did not answer.',
      'Check that ado-connect serve is still running, then open a new login link.');
  }
  if (!response.ok) throw await failure(response);
  const answer = await response.json();
  remember(answer.tabSecret);
}

/**
 * Opens this tab's session: from the login link's ticket, or the secret this tab already holds.
 * Returns the session ({via, expiresAt}), or null when the tab has none; throws ApiError when the
 * service refused (a used link) or did not answer.
 */
export async function openSession() {
  const ticket = location.pathname === '/login' ? new URLSearchParams(location.search).get('ticket') : null;
  if (ticket) {
    await exchange(ticket);
  } else {
    const secret = remembered();
    if (!secret) return null;
    setTabSecret(secret);
  }
  try {
    return await apiJson('GET', '/api/session');
  } catch (e) {
    if (e.status === 401) {
      remember(null);
      return null;
    }
    throw e;
  }
}

/** Forgets this tab's secret (its session ended). */
export function forget() {
  remember(null);
}

const WHY = {
  tab_secret_required: 'This tab has no session of its own: every tab needs its own login link.',
};

/** The view for a tab without a session; why (an ApiError) says what went wrong, if anything. */
export function showSignedOut(why) {
  $('app').hidden = true;
  $('signed-out').hidden = false;
  $('signed-out-origin').textContent = location.origin;
  const reason = $('signed-out-why');
  const text = !why ? '' : WHY[why.code]
    || (why.status === 401 ? 'The session of this page ended (sessions last 12 hours and end when the service restarts).' : why.message);
  reason.hidden = !text;
  reason.textContent = text;
  $('page-status').textContent = 'Not signed in to this page.';
  document.body.dataset.page = 'signed-out';
}

export function showSignedIn(session) {
  $('signed-out').hidden = true;
  $('app').hidden = false;
  // Team mode: a connect link opened this page for one end user of an application; device code
  // sign-in shows only when the deployment turned it on.
  $('device-way').hidden = session.deviceCode === false;
  const who = session.mode === 'team' ? 'Connecting Azure DevOps for ' + session.endUser + '. ' : '';
  $('page-status').textContent = who + (session.expiresAt ? 'Signed in to this page until ' + when(session.expiresAt) + '.' : 'Signed in.');
  document.body.dataset.page = 'app';
}
