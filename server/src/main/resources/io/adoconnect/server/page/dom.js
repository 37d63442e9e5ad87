// Small DOM and formatting helpers shared by every section of the page.

export const $ = (id) => document.getElementById(id);

/** Creates an element: h('a', {href: '…', class: 'x'}, 'text', child…). Text is always text, never HTML. */
export function h(tag, attrs, ...children) {
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
export const fmt = (n) => numbers.format(n);

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString();
}

export const sourceKey = (org, project, repo) => (org + '/' + project + '/' + repo).toLowerCase();

export function busy(button, on) {
  button.disabled = on;
  if (on) button.setAttribute('aria-busy', 'true');
  else button.removeAttribute('aria-busy');
}

/** Moves the focus to a section's heading, e.g. after what the user acted on is gone. */
export function focusHeading(id) {
  $(id).setAttribute('tabindex', '-1');
  $(id).focus();
}
