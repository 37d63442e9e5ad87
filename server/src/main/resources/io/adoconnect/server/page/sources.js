// The sources: repositories picked for the software that works on them; each can be subscribed to
// its Azure DevOps events (service hooks to this service) and removed.

import { api, apiJson } from './api.js';
import { $, h, when, busy, sourceKey, focusHeading } from './dom.js';
import { showError } from './errors.js';

let keys = new Set();
let changed = () => {};

/** Whether the repository (by sourceKey) is a source. */
export function isSource(key) {
  return keys.has(key);
}

export async function loadSources() {
  let sources;
  let subscribed;
  try {
    sources = await apiJson('GET', '/api/sources');
    subscribed = new Set((await apiJson('GET', '/api/hooks/subscriptions'))
      .filter((s) => s.repository)
      .map((s) => sourceKey(s.organization, s.project, s.repository)));
    showError($('sources-error'), null);
  } catch (e) {
    showError($('sources-error'), e);
    return;
  }
  keys = new Set(sources.map((s) => sourceKey(s.organization, s.project, s.repository)));
  const items = sources.map((s) => {
    const label = s.organization + ' / ' + s.project + ' / ' + s.repository;
    return h('li', { 'data-source': s.id },
      h('div', {},
        s.webUrl ? h('a', { href: s.webUrl, target: '_blank', rel: 'noopener noreferrer', class: 'who', text: label })
          : h('span', { class: 'who', text: label }),
        ' ', h('span', { class: 'badge ' + s.status, text: s.status }),
        h('p', { class: 'help', text: 'Added ' + when(s.addedAt)
          + (s.lastChanged ? '; last changed ' + when(s.lastChanged) : '')
          + lastSync(s.lastSync)
          + (s.status === 'disconnected' ? ' — its account is gone; connect again to use it.' : '') })),
      subscribed.has(sourceKey(s.organization, s.project, s.repository))
        ? h('span', { class: 'badge subscribed', text: 'events on' })
        : h('button', { type: 'button', class: 'subscribe', 'aria-label': 'Subscribe to the events of ' + label,
          title: 'Azure DevOps will tell this service about pushes, pull requests and builds',
          onclick: (e) => subscribe(s, label, e.currentTarget) }, 'Subscribe to events'),
      h('button', { type: 'button', class: 'remove', 'aria-label': 'Remove source ' + label, onclick: () => removeSource(s, label) }, 'Remove'));
  });
  $('sources').replaceChildren(...items);
  $('sources-status').textContent = sources.length === 0 ? 'No sources yet: add repositories from the list above.'
    : sources.length === 1 ? '1 source.' : sources.length + ' sources.';
  changed();
}

/** The service's last refresh of its clone, as a clause: '; fetched 12:03 (1a2b3c4)'. */
function lastSync(sync) {
  if (!sync) return '';
  if (sync.outcome === 'failed') return '; its last fetch failed ' + when(sync.at);
  return '; ' + (sync.outcome === 'cloned' ? 'cloned ' : 'fetched ') + when(sync.at)
    + (sync.commit ? ' (' + sync.commit.slice(0, 7) + ')' : '');
}

async function subscribe(source, label, button) {
  busy(button, true);
  try {
    await apiJson('POST', '/api/hooks/subscriptions',
      { organization: source.organization, project: source.project, repository: source.repository });
    await loadSources();
    $('sources-status').textContent = 'Subscribed to the events of ' + label + '. ' + $('sources-status').textContent;
  } catch (e) {
    showError($('sources-error'), e);
    busy(button, false);
  }
}

async function removeSource(source, label) {
  try {
    await api('DELETE', '/api/sources/' + encodeURIComponent(source.id));
    await loadSources();
    $('sources-status').textContent = 'Removed ' + label + '. ' + $('sources-status').textContent;
    focusHeading('sources-h');
  } catch (e) {
    showError($('sources-error'), e);
  }
}

/** Adds a listed repository as a source; a failure shows in errorEl (the repository list's). */
export async function addSource(repo, button, errorEl) {
  busy(button, true);
  showError(errorEl, null);
  try {
    await apiJson('POST', '/api/sources', { organization: repo.organization, project: repo.project, repository: repo.name });
    await loadSources();
    $('sources-status').textContent = 'Added ' + repo.organization + ' / ' + repo.project + ' / ' + repo.name + ' as a source. '
      + $('sources-status').textContent;
  } catch (e) {
    showError(errorEl, e);
    busy(button, false);
  }
}

/** Wires the section; onChanged runs after the list of sources was (re)loaded. */
export function initSources(onChanged) {
  changed = onChanged;
}
