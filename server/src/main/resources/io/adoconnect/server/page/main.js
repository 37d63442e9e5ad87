// The ado-connect integrations page: ES modules, no build step, no inline script (strict CSP:
// script-src 'self'). Everything it shows comes from the service's API, called with the browser
// session's cookie and this tab's secret (see session.js and api.js).

import { onSignedOut } from './api.js';
import { $ } from './dom.js';
import { onAction } from './errors.js';
import { openSession, forget, showSignedOut, showSignedIn } from './session.js';
import { initDevice, stopDevice } from './device.js';
import { initPat, focusPat } from './pat.js';
import { initSignIn } from './signin.js';
import { initAccounts, loadAccounts, reconnect, reconnectOffer } from './accounts.js';
import { initSources, loadSources } from './sources.js';
import { initRepositories, loadRepositories, refreshRepoButtons, stopRepositories } from './repositories.js';
import { initAgents, loadAgents, rememberConsent } from './agents.js';

/** After an account was connected or disconnected: everything that depends on the accounts. */
async function accountsChanged() {
  await Promise.all([loadAccounts(), loadSources()]);
  loadRepositories();
}

function signedOut(why) {
  stopRepositories();
  stopDevice();
  forget();
  showSignedOut(why);
}

// The next steps an API error can name, each taken on this page instead of told as a command.
onAction('reconnect', reconnectOffer);
onAction('connect', (parameters) => ({
  label: 'Connect with a Personal Access Token',
  run: () => focusPat(parameters),
}));
onAction('add_scope', (parameters) => (parameters.method && parameters.method !== 'pat'
  // A Microsoft sign-in gets the scopes the deployment asks for: once it asks for this one, sign in again.
  ? { label: 'Sign in with Microsoft again', run: () => reconnect(parameters.accountId) }
  : {
    label: 'Connect a token with the ' + (parameters.scopeName || parameters.scope) + ' scope',
    run: () => focusPat(parameters),
  }));

async function start() {
  const consentWaiting = rememberConsent();
  let session;
  try {
    session = await openSession();
  } catch (e) {
    if (e.status >= 400 && e.status < 500) {
      signedOut(e); // e.g. the login link was already used
      return;
    }
    $('page-status').textContent = 'The service did not answer: ' + (e.message || e) + ' Reload the page when ado-connect serve runs.';
    return;
  }
  if (!session) {
    signedOut(null);
    $('signed-out-consent').hidden = !consentWaiting;
    return;
  }
  showSignedIn(session);
  await Promise.all([accountsChanged(), loadAgents()]);
}

document.addEventListener('DOMContentLoaded', () => {
  onSignedOut(signedOut);
  initDevice(accountsChanged);
  initPat(accountsChanged);
  initSignIn();
  initAccounts(accountsChanged);
  initSources(refreshRepoButtons);
  initRepositories();
  initAgents();
  start();
});
