// Sign in with Microsoft (authorization code + PKCE through the service's app registration). A link
// can't carry this tab's secret, so the page asks the service to start the sign-in and then sends
// the browser to Microsoft's page; Microsoft sends it back to this page, whose tab keeps its secret.

import { apiJson } from './api.js';
import { $, busy } from './dom.js';
import { showError } from './errors.js';

/** Starts the sign-in and leaves for Microsoft's page (or shows why it can't). */
export async function signInWithMicrosoft() {
  const button = $('signin-microsoft');
  busy(button, true);
  showError($('signin-error'), null);
  try {
    const started = await apiJson('POST', '/api/signin/microsoft');
    window.location.assign(started.authorizeUrl);
  } catch (e) {
    showError($('signin-error'), e);
    busy(button, false);
  }
}

export function initSignIn() {
  $('signin-microsoft').addEventListener('click', signInWithMicrosoft);
}
