// The repositories of every connected account, read from the NDJSON stream with progress; a search
// box (debounced) and an organization filter; 100 rows at a time; each row can become a source.

import { api } from './api.js';
import { $, h, fmt, sourceKey } from './dom.js';
import { showError } from './errors.js';
import { accountCount } from './accounts.js';
import { isSource, addSource } from './sources.js';

const PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 120;
const STREAM_RENDER_MS = 150;

const state = { repos: [], matches: [], shown: 0, streaming: null };

function setRepoButton(button, repo) {
  const added = isSource(repo.key);
  button.disabled = added;
  button.removeAttribute('aria-busy');
  button.textContent = added ? 'Added ✓' : 'Add as source';
  button.setAttribute('aria-label', (added ? 'Already a source: ' : 'Add as source: ') + repo.organization + '/' + repo.project + '/' + repo.name);
}

/** Updates each shown row's button after the sources changed. */
export function refreshRepoButtons() {
  const rows = $('repo-rows').children;
  for (let i = 0; i < rows.length; i++) {
    const repo = state.matches[i];
    if (repo) setRepoButton(rows[i].lastChild.firstChild, repo);
  }
}

function repoRow(repo) {
  const button = h('button', { type: 'button', class: 'add' });
  setRepoButton(button, repo);
  button.addEventListener('click', () => addSource(repo, button, $('repo-error')));
  const name = repo.webUrl ? h('a', { href: repo.webUrl, target: '_blank', rel: 'noopener noreferrer', text: repo.name }) : repo.name;
  return h('tr', {},
    h('td', { class: 'name' }, name),
    h('td', { text: repo.project }),
    h('td', { text: repo.organization }),
    h('td', { text: (repo.defaultBranch || '').replace(/^refs\/heads\//, '') }),
    h('td', {}, button));
}

function filterRepos() {
  const words = $('repo-search').value.toLowerCase().split(/\s+/).filter(Boolean);
  const org = $('repo-org').value;
  const all = state.repos;
  const out = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i];
    if (org && r.organization !== org) continue;
    let ok = true;
    for (let w = 0; w < words.length; w++) {
      if (r.hay.indexOf(words[w]) < 0) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(r);
  }
  state.matches = out;
  state.shown = 0;
  $('repo-rows').replaceChildren();
  showMore();
}

function showMore() {
  const next = Math.min(state.matches.length, state.shown + PAGE_SIZE);
  const fragment = document.createDocumentFragment();
  for (let i = state.shown; i < next; i++) fragment.append(repoRow(state.matches[i]));
  $('repo-rows').append(fragment);
  state.shown = next;
  $('repo-table').hidden = state.matches.length === 0;
  const more = state.matches.length - state.shown;
  $('repo-more').hidden = more <= 0;
  $('repo-more').textContent = 'Show ' + fmt(Math.min(PAGE_SIZE, more)) + ' more (' + fmt(more) + ' not shown)';
  const filtered = $('repo-search').value.trim() || $('repo-org').value;
  $('repo-count').textContent = state.repos.length === 0 ? ''
    : state.matches.length === 0 ? 'No repository matches.'
    : 'Showing ' + fmt(state.shown) + ' of ' + fmt(state.matches.length) + (filtered ? ' matching' : '') + ' repositories'
      + (filtered ? ' (' + fmt(state.repos.length) + ' in all).' : '.');
  $('repo-count').dataset.matches = String(state.matches.length);
  $('repo-count').dataset.total = String(state.repos.length);
}

let searchTimer = null;
function searchChanged() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(filterRepos, SEARCH_DELAY_MS);
}

function resetRepos() {
  state.repos = [];
  state.matches = [];
  state.shown = 0;
  $('repo-rows').replaceChildren();
  $('repo-table').hidden = true;
  $('repo-more').hidden = true;
  $('repo-count').textContent = '';
  delete $('repo-count').dataset.total;
  delete $('repo-count').dataset.matches;
  showError($('repo-error'), null);
}

function setOrganizations(names) {
  const select = $('repo-org');
  const current = select.value;
  select.replaceChildren(h('option', { value: '', text: 'All organizations' }), ...names.map((n) => h('option', { value: n, text: n })));
  if (names.includes(current)) select.value = current;
}

/** Stops a listing under way (the page's session ended, or a new listing starts). */
export function stopRepositories() {
  if (state.streaming) state.streaming.abort();
}

export async function loadRepositories() {
  stopRepositories();
  resetRepos();
  const progress = $('repo-progress');
  const status = $('repo-status');
  document.body.dataset.repos = 'loading';
  if (accountCount() === 0) {
    progress.hidden = true;
    status.textContent = 'Connect an account to see its repositories.';
    $('repo-search').disabled = true;
    $('repo-org').disabled = true;
    document.body.dataset.repos = 'none';
    return;
  }
  const controller = new AbortController();
  state.streaming = controller;
  const started = performance.now();
  let total = 0;
  let done = 0;
  let soFar = 0;
  const failed = [];
  progress.hidden = false;
  progress.removeAttribute('value');
  status.textContent = 'Discovering organizations…';
  let renderTimer = null;
  const render = () => {
    renderTimer = null;
    filterRepos();
  };
  const handle = (line) => {
    switch (line.type) {
      case 'started':
        total = line.organizations.length;
        progress.max = Math.max(1, total);
        progress.value = 0;
        setOrganizations(line.organizations);
        $('repo-org').disabled = false;
        status.textContent = 'Listing repositories in ' + fmt(total) + ' organizations…';
        break;
      case 'organization':
      case 'organization_failed':
        done = line.done;
        total = line.total;
        progress.max = Math.max(1, total);
        progress.value = done;
        if (line.type === 'organization') soFar += line.repositories;
        else failed.push(Object.assign({ organization: line.organization }, line.error));
        status.textContent = 'Organizations ' + fmt(done) + ' of ' + fmt(total) + ' done · ' + fmt(soFar) + ' repositories so far'
          + (failed.length ? ' · ' + failed.length + ' skipped' : '') + '…';
        break;
      case 'repository': {
        const project = line.project;
        line.key = sourceKey(line.organization, project, line.name);
        line.hay = (line.name + ' ' + project + ' ' + line.organization).toLowerCase();
        state.repos.push(line);
        if (state.repos.length === 1) {
          $('repo-search').disabled = false;
          filterRepos();
        } else if (!renderTimer && state.shown < PAGE_SIZE) {
          renderTimer = setTimeout(render, STREAM_RENDER_MS);
        }
        break;
      }
      case 'done': {
        clearTimeout(renderTimer);
        progress.max = 1;
        progress.value = 1;
        progress.hidden = true;
        const failures = line.failures || [];
        status.textContent = fmt(line.repositories) + ' repositories in ' + fmt(total) + ' organizations'
          + (failures.length ? ' (' + failures.length + ' organizations skipped, see below)' : '') + '.';
        status.dataset.total = String(line.repositories);
        if (failures.length) {
          showError($('repo-error'), {
            message: 'Some organizations could not be listed: ' + failures.map((f) => f.organization + ' (' + f.message + ')').join('; '),
            hint: failures[0].hint,
            action: failures[0].action,
          });
        }
        $('repo-search').disabled = false;
        $('repo-org').disabled = false;
        filterRepos();
        document.body.dataset.repos = 'ready';
        performance.mark('ado:repos-usable');
        window.adoConnectTimings = { streamMs: Math.round(performance.now() - started), usableAt: Math.round(performance.now()) };
        break;
      }
      case 'error':
        clearTimeout(renderTimer);
        progress.hidden = true;
        status.textContent = 'Listing stopped.';
        showError($('repo-error'), line);
        document.body.dataset.repos = 'error';
        break;
      default:
        break;
    }
  };
  try {
    const response = await api('GET', '/api/repositories', undefined, { signal: controller.signal, headers: { Accept: 'application/x-ndjson' } });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      let from = 0;
      while ((newline = buffer.indexOf('\n', from)) >= 0) {
        const text = buffer.slice(from, newline);
        from = newline + 1;
        if (text.trim()) handle(JSON.parse(text));
      }
      buffer = buffer.slice(from);
    }
    if (buffer.trim()) handle(JSON.parse(buffer));
    if (document.body.dataset.repos === 'loading') {
      progress.hidden = true;
      status.textContent = 'The listing ended early; choose Reload to try again.';
      document.body.dataset.repos = 'error';
    }
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    progress.hidden = true;
    status.textContent = 'Could not list repositories.';
    showError($('repo-error'), e);
    document.body.dataset.repos = 'error';
  } finally {
    if (state.streaming === controller) state.streaming = null;
  }
}

export function initRepositories() {
  $('repo-search').addEventListener('input', searchChanged);
  $('repo-org').addEventListener('change', filterRepos);
  $('repo-more').addEventListener('click', showMore);
  $('repo-reload').addEventListener('click', loadRepositories);
}
