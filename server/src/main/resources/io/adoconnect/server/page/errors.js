// How the page shows an API error: the message, the prose hint, and — when the error names a next
// step the page can take itself (action.type) — a button that takes it, instead of telling the
// person to run a command. Sections register what they can do with onAction().

import { h } from './dom.js';

const actions = new Map();

/**
 * Registers what the page does for an error's action type: offer(parameters) returns
 * {label, run} — or null when it can't act on these parameters (then only the hint is shown).
 */
export function onAction(type, offer) {
  actions.set(type, offer);
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

function actionButton(action) {
  if (!action || !actions.has(action.type)) return null;
  const offered = actions.get(action.type)(action.parameters || {});
  if (!offered) return null;
  return h('button', { type: 'button', class: 'next-step', 'data-action': action.type, onclick: offered.run }, offered.label);
}

/** Shows error in el (a role="alert" element), or hides el when error is null. */
export function showError(el, error) {
  el.replaceChildren();
  if (!error) {
    el.hidden = true;
    return;
  }
  const message = error.message || String(error);
  el.append(h('p', {}, h('strong', { text: message })));
  if (error.hint) el.append(h('p', { class: 'hint' }, 'What to try: ', error.hint));
  // A Microsoft sign-in refused for a scope it wasn't granted: the hint says all there is to say.
  const scopeOfSignIn = error.action && error.action.type === 'add_scope'
    && error.action.parameters && error.action.parameters.method && error.action.parameters.method !== 'pat';
  const extra = error.code && !scopeOfSignIn && ADVICE[error.code];
  if (extra) el.append(h('ul', {}, ...extra.map((line) => h('li', { text: line }))));
  const button = actionButton(error.action);
  if (button) el.append(h('div', { class: 'actions' }, button));
  el.hidden = false;
}
