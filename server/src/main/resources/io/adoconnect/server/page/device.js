// Connect with Microsoft's device code: show the code and the link, then follow the flow by polling
// at the interval the service gives until it is authorized, denied or expired.

import { apiJson } from './api.js';
import { $, busy, when } from './dom.js';
import { showError } from './errors.js';

const DEVICE_TEXT = {
  pending: 'Waiting for you to enter the code and approve on Microsoft\'s page…',
  slow_down: 'Still waiting — Microsoft asked us to check less often, so we do.',
  expired: 'The code expired before it was approved. Get a new code and approve it within a few minutes.',
  denied: 'The sign-in was declined. Get a new code and approve every requested permission; if your organization'
    + ' enforces Conditional Access, an administrator may need to allow the app.',
  authorized: 'Connected.',
};
const FINAL = new Set(['expired', 'denied', 'authorized']);

let poll = null;
let current = null; // the flow being followed; a newer code replaces it
let connected = () => {};

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

/** Gets a device code and starts following it (the "Get a device code" button, or a reconnect). */
export async function startDevice() {
  const button = $('device-start');
  clearTimeout(poll);
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
    current = flow.flowId;
    schedule(flow.flowId, flow.interval);
  } catch (e) {
    showError($('device-error'), e);
  } finally {
    busy(button, false);
  }
  $('device-h').scrollIntoView({ block: 'nearest' });
}

function schedule(flowId, interval) {
  const seconds = Math.max(1, Number(interval) || 5);
  clearTimeout(poll);
  poll = setTimeout(() => pollDevice(flowId, seconds), seconds * 1000);
}

async function pollDevice(flowId, lastInterval) {
  let flow;
  try {
    flow = await apiJson('GET', '/api/connections/device/' + encodeURIComponent(flowId));
  } catch (e) {
    if (flowId !== current) return;
    showError($('device-error'), e);
    if (e.status !== 401 && e.status !== 404) schedule(flowId, Math.min(60, lastInterval * 2));
    return;
  }
  if (flowId !== current) return; // a newer code replaced this one
  showError($('device-error'), null);
  deviceState(flow);
  if (!FINAL.has(flow.state)) {
    schedule(flowId, flow.interval);
    return;
  }
  // the code is spent: hide it, the state line says what happened and what to do
  $('device-panel').hidden = true;
  current = null;
  if (flow.state === 'authorized') connected();
}

function copyDeviceCode() {
  const code = $('device-code').textContent;
  if (navigator.clipboard) navigator.clipboard.writeText(code).catch(() => {});
}

/** Stops following (the page's session ended). */
export function stopDevice() {
  clearTimeout(poll);
}

/** Wires the section; onConnected runs when a flow is authorized. */
export function initDevice(onConnected) {
  connected = onConnected;
  $('device-start').addEventListener('click', startDevice);
  $('device-copy').addEventListener('click', copyDeviceCode);
}
