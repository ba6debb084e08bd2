// Small DOM helpers: elements built with textContent only (never HTML parsed from strings), no inline styles or
// handlers.
export const $ = (selector) => document.querySelector(selector);

/** An element with attributes (class, text, and any attribute) and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** A table cell; numbers right-aligned. */
export const td = (value, cls) => el('td', { class: cls, text: value ?? '–' });

/** Replaces the rows of a table body. */
export function rows(tbody, trs) {
  tbody.replaceChildren(...trs);
}

/** Shows a result line: ok (green) or not (red with the API's reason). */
export function result(node, ok, text) {
  node.className = 'result ' + (ok ? 'ok' : 'bad');
  node.textContent = text;
}

/** Shows or hides an error paragraph. */
export function error(node, text) {
  node.textContent = text || '';
  node.hidden = !text;
}

export function fmtTime(iso) {
  if (!iso) return '–';
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}

export function fmtSeconds(s) {
  if (s === null || s === undefined) return '–';
  if (s < 120) return s + ' s';
  if (s < 7200) return Math.round(s / 60) + ' min';
  if (s < 172800) return (s / 3600).toFixed(1) + ' h';
  return (s / 86400).toFixed(1) + ' d';
}

export const fmtNum = (n, digits = 1) => (n === null || n === undefined ? '–' : Number(n).toFixed(digits));

/** Today (UTC) plus {days}, as yyyy-mm-dd for a date input. */
export function day(days = 0) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

/** The non-empty fields of a form, as an object. */
export function fields(form) {
  const out = {};
  for (const [k, v] of new FormData(form)) if (String(v).trim() !== '') out[k] = String(v).trim();
  return out;
}
