// Agents (MCP clients) that sign in to /mcp. An MCP client's sign-in opens /oauth/authorize, which
// sends the browser here with ?consent=ID; the id waits in this tab's sessionStorage (through a
// login link opened in this tab, if the tab had no session yet) until the operator approves the
// client and its reach — read or write, the sources only or everything — or declines. The answer
// sends this tab on to the client's redirect URI. Below: the connected clients, each revocable.

import { apiJson, ApiError } from './api.js';
import { $, h, when, busy } from './dom.js';
import { showError } from './errors.js';

const PENDING = 'ado-connect.consent';

/** Keeps a consent id from the address bar for after the sign-in; the address bar drops it. */
export function rememberConsent() {
  const id = location.pathname === '/' ? new URLSearchParams(location.search).get('consent') : null;
  if (!id) return pendingConsent() !== null;
  try {
    sessionStorage.setItem(PENDING, id);
  } catch (storageOff) {
    // no sessionStorage: the id lives in the address bar only
    return true;
  }
  history.replaceState(null, '', '/');
  return true;
}

function pendingConsent() {
  try {
    return sessionStorage.getItem(PENDING) || new URLSearchParams(location.search).get('consent');
  } catch (storageOff) {
    return new URLSearchParams(location.search).get('consent');
  }
}

function clearConsent() {
  try {
    sessionStorage.removeItem(PENDING);
  } catch (storageOff) {
    // nothing kept
  }
}

/** Shows the waiting consent, if any, and the connected clients; hides the card without /mcp. */
export async function loadAgents() {
  let clients;
  try {
    clients = await apiJson('GET', '/api/oauth/clients');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      $('agents').hidden = true; // this service runs without /mcp
      return;
    }
    showError($('agents-error'), e);
    return;
  }
  $('agents').hidden = false;
  showError($('agents-error'), null);
  const items = clients.map((c) => {
    const name = c.clientName || c.clientId;
    return h('li', { 'data-client': c.id },
      h('div', {},
        h('span', { class: 'who', text: name }), ' ',
        h('span', { class: 'badge', text: c.write ? 'read & write' : 'read only' }), ' ',
        h('span', { class: 'badge', text: c.sourcesOnly ? 'sources only' : 'all repositories' }),
        h('p', { class: 'help', text: 'Connected ' + when(c.connectedAt)
          + (c.lastRefreshedAt ? '; last renewed ' + when(c.lastRefreshedAt) : '') })),
      h('button', { type: 'button', class: 'remove', 'aria-label': 'Revoke ' + name,
        onclick: (e) => revoke(c, name, e.currentTarget) }, 'Revoke'));
  });
  $('agents-list').replaceChildren(...items);
  $('agents-status').textContent = clients.length === 0 ? 'No MCP client is connected.'
    : clients.length === 1 ? '1 MCP client is connected.' : clients.length + ' MCP clients are connected.';
  await showConsent();
}

async function revoke(client, name, button) {
  busy(button, true);
  try {
    await apiJson('DELETE', '/api/oauth/clients/' + encodeURIComponent(client.id));
    await loadAgents();
    $('agents-status').textContent = 'Revoked ' + name + '. ' + $('agents-status').textContent;
  } catch (e) {
    busy(button, false);
    showError($('agents-error'), e);
  }
}

async function showConsent() {
  const id = pendingConsent();
  const card = $('consent');
  if (!id) {
    card.hidden = true;
    return;
  }
  let request;
  try {
    request = await apiJson('GET', '/api/oauth/requests/' + encodeURIComponent(id));
  } catch (e) {
    clearConsent();
    card.hidden = true;
    showError($('agents-error'), e);
    return;
  }
  $('consent-client').textContent = request.clientName || request.clientId;
  $('consent-redirect').textContent = new URL(request.redirectUri).origin;
  $('consent-expires').textContent = when(request.expiresAt);
  const write = $('consent-write');
  write.disabled = !request.writeAllowed;
  write.checked = request.writeAllowed && request.wantsWrite;
  $('consent-write-off').hidden = request.writeAllowed;
  $('consent-sources').checked = true;
  card.dataset.request = request.id;
  card.hidden = false;
  $('consent-h').focus();
}

async function answer(approve, button) {
  const card = $('consent');
  busy(button, true);
  try {
    const result = await apiJson('POST', '/api/oauth/requests/' + encodeURIComponent(card.dataset.request), {
      approve, write: $('consent-write').checked, sourcesOnly: $('consent-sources').checked,
    });
    clearConsent();
    card.hidden = true;
    $('agents-status').textContent = approve ? 'Approved; handing over to the MCP client…' : 'Declined; telling the MCP client…';
    location.assign(result.redirect);
  } catch (e) {
    busy(button, false);
    showError($('consent-error'), e);
  }
}

export function initAgents() {
  $('consent-approve').addEventListener('click', (e) => answer(true, e.currentTarget));
  $('consent-deny').addEventListener('click', (e) => answer(false, e.currentTarget));
}
