// The master's sync history (admin): newest first, filterable by node and kind; failed entries stand out.
import { get, auth } from './api.js';
import { $, el, td, rows, error, fmtTime } from './dom.js';

const LIMIT = 100;
let nodeNames = new Map();
let shown = '';

/** Remembers the registered nodes' names (by id) for the node column and filter. */
export function setNodes(list) {
  const names = new Map(list.map((n) => [n.id, n.name]));
  if (JSON.stringify([...names]) === JSON.stringify([...nodeNames])) return;
  nodeNames = names;
  const select = $('#history-node');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '', text: 'all nodes' }),
    ...list.map((n) => el('option', { value: n.id, text: n.name })));
  select.value = nodeNames.has(chosen) ? chosen : '';
}

export function initHistory(onSubmit) {
  $('#history-form').addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit();
  });
}

/** Fetches and shows the sync logs with the form's filters. */
export async function refreshHistory() {
  const table = $('#history-table tbody');
  if (!auth.signedIn()) {
    shown = '';
    rows(table, []);
    error($('#history-error'), '');
    $('#history-note').textContent = 'Sign in with the admin token to read the sync history.';
    return;
  }
  const q = new URLSearchParams({ limit: LIMIT });
  if ($('#history-node').value) q.set('node_id', $('#history-node').value);
  if ($('#history-kind').value) q.set('operation', $('#history-kind').value);
  try {
    const body = await get('/api/v1/cascade/sync-logs?' + q, { admin: true });
    const failedOnly = $('#history-failed').checked;
    const list = body.data.list.filter((x) => !failedOnly || x.status === 2);
    $('#history-note').textContent = body.data.total + ' entries match; showing ' + list.length + '.';
    error($('#history-error'), '');
    const key = JSON.stringify([list, [...nodeNames]]);
    if (key === shown) return;
    shown = key;
    rows(table, list.map((x) => el('tr', { class: x.status === 2 ? 'failed' : 'succeeded', 'data-kind': x.operation },
      td(fmtTime(x.completed_at)),
      td(nodeNames.get(x.node_id) ?? x.node_id),
      td(x.operation),
      td(x.direction),
      el('td', { class: x.status === 2 ? 'state state-offline' : 'state state-running',
        text: x.status === 2 ? 'FAILED' : 'ok' }),
      td(x.data_count, 'num'),
      td(x.extra_data.from_seq + '–' + x.extra_data.to_seq),
      td(x.error_message ?? x.extra_data.detail ?? '', 'wrap'))));
  } catch (e) {
    error($('#history-error'), 'Sync history: ' + e.message);
  }
}
