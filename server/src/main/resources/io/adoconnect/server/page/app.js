// The ado-connect integrations page: plain JavaScript, no build step, no inline script (strict CSP).
// Everything it shows comes from the service's API with the session cookie of the login link;
// every state-changing call carries the session's CSRF token (X-CSRF-Token).
'use strict';

(function () {
  const PAGE_SIZE = 100;
  const SEARCH_DELAY_MS = 120;
  const STREAM_RENDER_MS = 150;

  const $ = (id) => document.getElementById(id);
  const state = {
    csrf: null,
    accounts: [],
    sourceKeys: new Set(),
    repos: [],
    matches: [],
    shown: 0,
    streaming: null,
    devicePoll: null,
    deviceFlow: null,
  };

  // ---------- small helpers ----------

  /** Creates an element: h('a', {href: '…', class: 'x'}, 'text', child…). Text is always text, never HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') el.className = value;
      else if (name === 'text') el.textContent = value;
      else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  const numbers = new Intl.NumberFormat();
  const fmt = (n) => numbers.format(n);
  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString();
  }
  const sourceKey = (org, project, repo) => (org + '/' + project + '/' + repo).toLowerCase();

  class ApiError extends Error {
    constructor(status, code, message, hint) {
      super(message);
      this.status = status;
      this.code = code;
      this.hint = hint;
    }
  }

  async function failure(response) {
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // not JSON: fall through
    }
    if (body && body.message) return new ApiError(response.status, body.code, body.message, body.hint);
    return new ApiError(response.status, 'http_' + response.status, 'The service answered ' + response.status + '.',
      'Reload the page; if it keeps happening, look at the output of ado-connect serve.');
  }

  /** Calls the API; throws ApiError with the API's message and hint. A 401 means the page session ended. */
  async function api(method, path, body, init) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = state.csrf || '';
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, Object.assign({
        method, headers, credentials: 'same-origin', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      }, init || {}));
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'service_unreachable', 'The ado-connect service did not answer.',
        'Check that ado-connect serve is still running, then reload the page.');
    }
    if (response.status === 401) {
      signedOut();
      throw await failure(response);
    }
    if (!response.ok) throw await failure(response);
    return response;
  }

  async function apiJson(method, path, body) {
    const response = await api(method, path, body);
    return response.status === 204 ? null : response.json();
  }

  // Extra advice of our own for some codes, after the API's own hint.
  const ADVICE = {
    azure_devops_access_denied: [
      'Check that the organization name is exactly the one in your Azure DevOps URL, and that the token was created for it'
        + ' (or for all accessible organizations).',
    ],
    organization_not_found: ['Check the spelling of the organization: it is the part after dev.azure.com/ in your URL.'],
    upstream_unreachable: ['Check your network connection and that the server URL is right.'],
  };

  function showError(el, error) {
    el.replaceChildren();
    if (!error) {
      el.hidden = true;
      return;
    }
    const message = error.message || String(error);
    el.append(h('p', {}, h('strong', { text: message })));
    if (error.hint) el.append(h('p', { class: 'hint' }, 'What to try: ', error.hint));
    const extra = error.code && ADVICE[error.code];
    if (extra) el.append(h('ul', {}, ...extra.map((line) => h('li', { text: line }))));
    el.hidden = false;
  }

  function busy(button, on) {
    button.disabled = on;
    if (on) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  }

  // ---------- session ----------

  function signedOut() {
    if (state.streaming) state.streaming.abort();
    clearTimeout(state.devicePoll);
    $('app').hidden = true;
    $('signed-out').hidden = false;
    $('page-status').textContent = 'Not signed in to this page.';
    document.body.dataset.page = 'signed-out';
  }

  async function start() {
    let session;
    try {
      const response = await fetch('/api/session', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
      if (response.status === 401) {
        signedOut();
        return;
      }
      if (!response.ok) throw await failure(response);
      session = await response.json();
    } catch (e) {
      $('page-status').textContent = 'The service did not answer: ' + (e.message || e) + ' Reload the page when ado-connect serve runs.';
      return;
    }
    state.csrf = session.csrfToken;
    $('signed-out').hidden = true;
    $('app').hidden = false;
    $('page-status').textContent = session.expiresAt ? 'Signed in to this page until ' + when(session.expiresAt) + '.' : 'Signed in.';
    document.body.dataset.page = 'app';
    await Promise.all([loadAccounts(), loadSources()]);
    loadRepositories();
  }

  // ---------- device code ----------

  const DEVICE_TEXT = {
    pending: 'Waiting for you to enter the code and approve on Microsoft\'s page…',
    slow_down: 'Still waiting — Microsoft asked us to check less often, so we do.',
    expired: 'The code expired before it was approved. Get a new code and approve it within a few minutes.',
    denied: 'The sign-in was declined. Get a new code and approve every requested permission; if your organization'
      + ' enforces Conditional Access, an administrator may need to allow the app.',
    authorized: 'Connected.',
  };
  const FINAL = new Set(['expired', 'denied', 'authorized']);

  function deviceState(flow) {
    const el = $('device-state');
    let text = DEVICE_TEXT[flow.state] || flow.state;
    if (flow.state === 'authorized' && flow.account) {
      text = 'Connected as ' + (flow.account.displayName || flow.account.email || 'your Microsoft account') + '.';
    }
    el.textContent = text;
    el.className = 'state state-' + flow.state;
    el.dataset.state = flow.state;
  }

  async function startDevice() {
    const button = $('device-start');
    clearTimeout(state.devicePoll);
    showError($('device-error'), null);
    busy(button, true);
    try {
      const flow = await apiJson('POST', '/api/connections/device');
      $('device-code').textContent = flow.userCode;
      const link = $('device-link');
      link.href = flow.verificationUri;
      link.textContent = flow.verificationUri;
      $('device-expires').textContent = when(flow.expiresAt);
      $('device-expires').setAttribute('datetime', flow.expiresAt);
      $('device-panel').hidden = false;
      deviceState(flow);
      button.textContent = 'Get a new code';
      state.deviceFlow = flow.flowId;
      scheduleDevicePoll(flow.flowId, flow.interval);
    } catch (e) {
      showError($('device-error'), e);
    } finally {
      busy(button, false);
    }
  }

  function scheduleDevicePoll(flowId, interval) {
    const seconds = Math.max(1, Number(interval) || 5);
    clearTimeout(state.devicePoll);
    state.devicePoll = setTimeout(() => pollDevice(flowId, seconds), seconds * 1000);
  }

  async function pollDevice(flowId, lastInterval) {
    let flow;
    try {
      flow = await apiJson('GET', '/api/connections/device/' + encodeURIComponent(flowId));
    } catch (e) {
      if (flowId !== state.deviceFlow) return;
      showError($('device-error'), e);
      if (e.status !== 401 && e.status !== 404) scheduleDevicePoll(flowId, Math.min(60, lastInterval * 2));
      return;
    }
    if (flowId !== state.deviceFlow) return; // a newer code replaced this one
    showError($('device-error'), null);
    deviceState(flow);
    if (!FINAL.has(flow.state)) {
      scheduleDevicePoll(flowId, flow.interval);
      return;
    }
    // the code is spent: hide it, the state line says what happened and what to do
    $('device-panel').hidden = true;
    state.deviceFlow = null;
    if (flow.state === 'authorized') {
      await Promise.all([loadAccounts(), loadSources()]);
      loadRepositories();
    }
  }

  function copyDeviceCode() {
    const code = $('device-code').textContent;
    if (navigator.clipboard) navigator.clipboard.writeText(code).catch(() => {});
  }

  // ---------- personal access token ----------

  function patKind() {
    return document.querySelector('input[name="pat-kind"]:checked').value;
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
      await Promise.all([loadAccounts(), loadSources()]);
      loadRepositories();
    } catch (e) {
      $('pat-result').replaceChildren();
      showError($('pat-error'), e);
    } finally {
      busy(button, false);
    }
  }

  // ---------- accounts ----------

  const METHOD = { pat: 'Personal Access Token', device_code: 'Microsoft device code', authorization_code: 'Sign in with Microsoft' };
  const STATUS = { connected: 'connected', reconnect_needed: 'reconnect needed' };

  async function loadAccounts() {
    try {
      state.accounts = await apiJson('GET', '/api/accounts');
      showError($('accounts-error'), null);
    } catch (e) {
      showError($('accounts-error'), e);
      return;
    }
    renderAccounts();
  }

  function accountName(a) {
    return a.displayName || a.email || (a.method === 'pat' ? 'PAT for ' + (a.organizations || []).join(', ') : a.id);
  }

  function renderAccounts() {
    const list = $('accounts');
    const items = state.accounts.map((a) => {
      const name = accountName(a);
      const status = STATUS[a.status] || a.status;
      const dl = h('dl', {},
        h('dt', { text: 'Method' }), h('dd', { text: METHOD[a.method] || a.method }),
        a.email ? h('dt', { text: 'Email' }) : null, a.email ? h('dd', { text: a.email }) : null,
        h('dt', { text: 'Host' }), h('dd', { text: a.host === 'services' ? 'Azure DevOps Services' : a.host }),
        h('dt', { text: 'Organizations' }), h('dd', { text: (a.organizations || []).join(', ') || '—' }),
        h('dt', { text: 'Connected' }), h('dd', {}, h('time', { datetime: a.connectedAt, text: when(a.connectedAt) })),
        h('dt', { text: 'Status' }), h('dd', {}, h('span', { class: 'badge ' + a.status, text: status }),
          a.status === 'reconnect_needed' ? ' — connect again with the same method to renew it.' : null));
      return h('li', { 'data-account': a.id },
        h('div', {}, h('p', { class: 'who', text: name }), dl),
        h('button', { type: 'button', class: 'disconnect', 'aria-label': 'Disconnect ' + name, onclick: () => confirmDisconnect(a) }, 'Disconnect'));
    });
    list.replaceChildren(...items);
    $('accounts-status').textContent = state.accounts.length === 0 ? 'No account connected yet.'
      : state.accounts.length === 1 ? '1 account connected.' : state.accounts.length + ' accounts connected.';
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
      await Promise.all([loadAccounts(), loadSources()]);
      $('accounts-status').textContent = 'Disconnected ' + name + '. ' + $('accounts-status').textContent;
      $('accounts-h').setAttribute('tabindex', '-1');
      $('accounts-h').focus();
      loadRepositories();
    };
    dialog.showModal();
    $('confirm-cancel').focus();
  }

  // ---------- sources ----------

  async function loadSources() {
    let sources;
    let subscribed;
    try {
      sources = await apiJson('GET', '/api/sources');
      subscribed = new Set((await apiJson('GET', '/api/hooks/subscriptions'))
        .filter((h) => h.repository)
        .map((h) => sourceKey(h.organization, h.project, h.repository)));
      showError($('sources-error'), null);
    } catch (e) {
      showError($('sources-error'), e);
      return;
    }
    state.sourceKeys = new Set(sources.map((s) => sourceKey(s.organization, s.project, s.repository)));
    const items = sources.map((s) => {
      const label = s.organization + ' / ' + s.project + ' / ' + s.repository;
      return h('li', { 'data-source': s.id },
        h('div', {},
          s.webUrl ? h('a', { href: s.webUrl, target: '_blank', rel: 'noopener noreferrer', class: 'who', text: label })
            : h('span', { class: 'who', text: label }),
          ' ', h('span', { class: 'badge ' + s.status, text: s.status }),
          h('p', { class: 'help', text: 'Added ' + when(s.addedAt)
            + (s.lastChanged ? '; last changed ' + when(s.lastChanged) : '')
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
    refreshRepoButtons();
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
      $('sources-h').setAttribute('tabindex', '-1');
      $('sources-h').focus();
    } catch (e) {
      showError($('sources-error'), e);
    }
  }

  async function addSource(repo, button) {
    busy(button, true);
    showError($('repo-error'), null);
    try {
      await apiJson('POST', '/api/sources', { organization: repo.organization, project: repo.project, repository: repo.name });
      await loadSources();
      $('sources-status').textContent = 'Added ' + repo.organization + ' / ' + repo.project + ' / ' + repo.name + ' as a source. '
        + $('sources-status').textContent;
    } catch (e) {
      showError($('repo-error'), e);
      busy(button, false);
    }
  }

  // ---------- repositories ----------

  function setRepoButton(button, repo) {
    const added = state.sourceKeys.has(repo.key);
    button.disabled = added;
    button.removeAttribute('aria-busy');
    button.textContent = added ? 'Added ✓' : 'Add as source';
    button.setAttribute('aria-label', (added ? 'Already a source: ' : 'Add as source: ') + repo.organization + '/' + repo.project + '/' + repo.name);
  }

  function refreshRepoButtons() {
    const rows = $('repo-rows').children;
    for (let i = 0; i < rows.length; i++) {
      const repo = state.matches[i];
      if (repo) setRepoButton(rows[i].lastChild.firstChild, repo);
    }
  }

  function repoRow(repo) {
    const button = h('button', { type: 'button', class: 'add' });
    setRepoButton(button, repo);
    button.addEventListener('click', () => addSource(repo, button));
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

  async function loadRepositories() {
    if (state.streaming) state.streaming.abort();
    resetRepos();
    const progress = $('repo-progress');
    const status = $('repo-status');
    document.body.dataset.repos = 'loading';
    if (state.accounts.length === 0) {
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

  // ---------- wiring ----------

  document.addEventListener('DOMContentLoaded', () => {
    $('device-start').addEventListener('click', startDevice);
    $('device-copy').addEventListener('click', copyDeviceCode);
    for (const radio of document.querySelectorAll('input[name="pat-kind"]')) radio.addEventListener('change', patKindChanged);
    $('pat-test').addEventListener('click', testPat);
    $('pat-form').addEventListener('submit', connectPat);
    $('repo-search').addEventListener('input', searchChanged);
    $('repo-org').addEventListener('change', filterRepos);
    $('repo-more').addEventListener('click', showMore);
    $('repo-reload').addEventListener('click', loadRepositories);
    start();
  });
})();
