// Connect with a Personal Access Token: Azure DevOps Services (organizations) or Server (URL +
// collection); Test Connection checks without saving, Connect saves.

import { apiJson } from './api.js';
import { $, h, busy, fmt } from './dom.js';
import { showError } from './errors.js';

let connected = () => {};

function patKind() {
  return document.querySelector('input[name="pat-kind"]:checked').value;
}

function setKind(kind) {
  $(kind === 'server' ? 'pat-kind-server' : 'pat-kind-services').checked = true;
  patKindChanged();
}

function patKindChanged() {
  const server = patKind() === 'server';
  $('pat-services').hidden = server;
  $('pat-server').hidden = !server;
  $('pat-result').replaceChildren();
  showError($('pat-error'), null);
}

/** The request body, or null after showing what is missing. */
function patBody() {
  const missing = [];
  const fields = [];
  const body = {};
  if (patKind() === 'server') {
    body.serverUrl = $('pat-server-url').value.trim();
    body.collection = $('pat-collection').value.trim();
    if (!body.serverUrl) missing.push(['pat-server-url', 'the server URL']);
    if (!body.collection) missing.push(['pat-collection', 'the collection']);
    fields.push('pat-server-url', 'pat-collection');
  } else {
    const names = $('pat-organization').value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    if (names.length === 0) missing.push(['pat-organization', 'the organization']);
    else if (names.length === 1) body.organization = names[0];
    else body.organizations = names;
    fields.push('pat-organization');
  }
  body.pat = $('pat-token').value.trim();
  if (!body.pat) missing.push(['pat-token', 'the Personal Access Token']);
  fields.push('pat-token');
  for (const id of fields) $(id).removeAttribute('aria-invalid');
  if (missing.length) {
    for (const [id] of missing) $(id).setAttribute('aria-invalid', 'true');
    showError($('pat-error'), { message: 'Fill in ' + missing.map((m) => m[1]).join(' and ') + '.' });
    $(missing[0][0]).focus();
    return null;
  }
  return body;
}

function checkLine(check) {
  if (check.skipped) return h('li', {}, h('strong', { text: check.organization }), ': skipped — ' + check.skipped);
  const who = check.user ? 'signed in as ' + check.user + (check.userAccount && check.userAccount !== check.user ? ' (' + check.userAccount + ')' : '') : 'reachable';
  return h('li', {}, h('strong', { text: check.organization }), ': ' + who + '; ' + fmt(check.projects) + ' projects, '
    + fmt(check.repositories) + ' repositories' + (check.deployment ? ' (' + check.deployment + (check.apiVersion ? ', API ' + check.apiVersion : '') + ')' : '') + '.');
}

async function testPat() {
  const body = patBody();
  if (!body) return;
  const button = $('pat-test');
  busy(button, true);
  $('pat-result').replaceChildren(h('p', { text: 'Testing the connection…' }));
  showError($('pat-error'), null);
  try {
    const answer = await apiJson('POST', '/api/connections/pat/test', body);
    $('pat-result').replaceChildren(
      h('p', {}, h('strong', { text: 'Connection works.' }), ' Nothing was saved: choose Connect to save it.'),
      h('ul', {}, ...(answer.checks || []).map(checkLine)));
  } catch (e) {
    $('pat-result').replaceChildren();
    showError($('pat-error'), e);
  } finally {
    busy(button, false);
  }
}

async function connectPat(event) {
  event.preventDefault();
  const body = patBody();
  if (!body) return;
  const button = $('pat-connect');
  busy(button, true);
  $('pat-result').replaceChildren(h('p', { text: 'Connecting…' }));
  showError($('pat-error'), null);
  try {
    const account = await apiJson('POST', '/api/connections/pat', body);
    $('pat-token').value = '';
    $('pat-result').replaceChildren(h('p', {}, h('strong', { text: 'Connected.' }), ' '
      + (account.organizations || []).join(', ') + ' ' + ((account.organizations || []).length === 1 ? 'is' : 'are') + ' now listed under Accounts.'));
    connected();
  } catch (e) {
    $('pat-result').replaceChildren();
    showError($('pat-error'), e);
  } finally {
    busy(button, false);
  }
}

/**
 * Brings the PAT form forward for a next step ("connect with a PAT", "reconnect this PAT account"):
 * fills in what the parameters name (organization or organizations, or serverUrl and collection),
 * empties the token and puts the focus in the first field still to fill.
 */
export function focusPat(parameters) {
  const p = parameters || {};
  if (p.serverUrl) {
    setKind('server');
    $('pat-server-url').value = p.serverUrl;
    if (p.collection) $('pat-collection').value = p.collection;
  } else {
    setKind('services');
    const names = p.organizations || (p.organization ? [p.organization] : []);
    if (names.length) $('pat-organization').value = names.join(', ');
  }
  $('pat-token').value = '';
  const first = ['pat-organization', 'pat-server-url', 'pat-collection', 'pat-token']
    .map($).find((el) => !el.closest('[hidden]') && !el.value);
  $('pat-h').scrollIntoView({ block: 'nearest' });
  (first || $('pat-token')).focus();
}

/** Wires the section; onConnected runs after an account was saved. */
export function initPat(onConnected) {
  connected = onConnected;
  for (const radio of document.querySelectorAll('input[name="pat-kind"]')) radio.addEventListener('change', patKindChanged);
  $('pat-test').addEventListener('click', testPat);
  $('pat-form').addEventListener('submit', connectPat);
}
