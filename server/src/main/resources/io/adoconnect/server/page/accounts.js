// The connected accounts: who, how, where, status, what each may do; Reconnect for one whose sign-in ended (the same
// way it was connected), Disconnect after a confirmation in a modal dialog.

import { api, apiJson } from './api.js';
import { $, h, when, focusHeading } from './dom.js';
import { showError } from './errors.js';
import { startDevice } from './device.js';
import { focusPat } from './pat.js';
import { signInWithMicrosoft } from './signin.js';

const METHOD = { pat: 'Personal Access Token', device_code: 'Microsoft device code', authorization_code: 'Sign in with Microsoft' };
const STATUS = { connected: 'connected', reconnect_needed: 'reconnect needed' };

let accounts = [];
let changed = async () => {};

export function accountCount() {
  return accounts.length;
}

export async function loadAccounts() {
  try {
    accounts = await apiJson('GET', '/api/accounts');
    showError($('accounts-error'), null);
  } catch (e) {
    showError($('accounts-error'), e);
    return;
  }
  renderAccounts();
}

export function accountName(a) {
  return a.displayName || a.email || (a.method === 'pat' ? 'PAT for ' + (a.organizations || []).join(', ') : a.id);
}

/**
 * Connects the account again the way it was connected: the PAT form filled in for a PAT, a new
 * device code, or Microsoft's sign-in page. Unknown accounts (listed since) get the PAT form.
 */
export function reconnect(accountId) {
  const account = accounts.find((a) => a.id === accountId);
  if (account && account.method === 'device_code') return startDevice();
  if (account && account.method === 'authorization_code') return signInWithMicrosoft();
  const p = {};
  if (account && account.host && account.host !== 'services') {
    p.serverUrl = account.host;
    p.collection = (account.organizations || [])[0];
  } else if (account) {
    p.organizations = account.organizations || [];
  }
  return focusPat(p);
}

/** What the error's reconnect action offers: a button named after the account. */
export function reconnectOffer(parameters) {
  const account = accounts.find((a) => a.id === parameters.accountId);
  return {
    label: account ? 'Reconnect ' + accountName(account) : 'Connect again',
    run: () => reconnect(parameters.accountId),
  };
}

/** What the connection may do in Azure DevOps: everything, the granted scopes by name, or the PAT's own. */
function mayDo(permissions) {
  if (!permissions) return h('dd', { text: '—' });
  if (permissions.kind !== 'scopes') return h('dd', { class: 'may-do', text: permissions.summary });
  return h('dd', { class: 'may-do' },
    h('ul', { class: 'scopes' }, ...permissions.scopes.map((s) => h('li', { title: s.id, text: s.name }))));
}

function renderAccounts() {
  const items = accounts.map((a) => {
    const name = accountName(a);
    const status = STATUS[a.status] || a.status;
    const dl = h('dl', {},
      h('dt', { text: 'Method' }), h('dd', { text: METHOD[a.method] || a.method }),
      a.email ? h('dt', { text: 'Email' }) : null, a.email ? h('dd', { text: a.email }) : null,
      h('dt', { text: 'Host' }), h('dd', { text: a.host === 'services' ? 'Azure DevOps Services' : a.host }),
      h('dt', { text: 'Organizations' }), h('dd', { text: (a.organizations || []).join(', ') || '—' }),
      h('dt', { text: 'Connected' }), h('dd', {}, h('time', { datetime: a.connectedAt, text: when(a.connectedAt) })),
      h('dt', { text: 'Status' }), h('dd', {}, h('span', { class: 'badge ' + a.status, text: status })),
      h('dt', { text: 'May do' }), mayDo(a.permissions));
    return h('li', { 'data-account': a.id },
      h('div', {}, h('p', { class: 'who', text: name }), dl),
      h('div', { class: 'actions' },
        a.status === 'reconnect_needed'
          ? h('button', { type: 'button', class: 'reconnect primary', 'aria-label': 'Reconnect ' + name, onclick: () => reconnect(a.id) }, 'Reconnect')
          : null,
        h('button', { type: 'button', class: 'disconnect', 'aria-label': 'Disconnect ' + name, onclick: () => confirmDisconnect(a) }, 'Disconnect')));
  });
  $('accounts').replaceChildren(...items);
  $('accounts-status').textContent = accounts.length === 0 ? 'No account connected yet.'
    : accounts.length === 1 ? '1 account connected.' : accounts.length + ' accounts connected.';
}

function confirmDisconnect(account) {
  const dialog = $('confirm');
  const name = accountName(account);
  $('confirm-h').textContent = 'Disconnect ' + name + '?';
  $('confirm-text').textContent = 'ado-connect deletes this account and its sealed tokens. Sources you added from it stay,'
    + ' shown as disconnected, until you connect again.';
  dialog.returnValue = '';
  dialog.onclose = async () => {
    dialog.onclose = null;
    if (dialog.returnValue !== 'confirm') {
      const button = document.querySelector('li[data-account="' + CSS.escape(account.id) + '"] button.disconnect');
      if (button) button.focus();
      return;
    }
    try {
      await api('DELETE', '/api/accounts/' + encodeURIComponent(account.id));
      showError($('accounts-error'), null);
    } catch (e) {
      showError($('accounts-error'), e);
    }
    await changed();
    $('accounts-status').textContent = 'Disconnected ' + name + '. ' + $('accounts-status').textContent;
    focusHeading('accounts-h');
  };
  dialog.showModal();
  $('confirm-cancel').focus();
}

/** Wires the section; onChanged reloads what depends on the accounts (after a disconnect). */
export function initAccounts(onChanged) {
  changed = onChanged;
}
