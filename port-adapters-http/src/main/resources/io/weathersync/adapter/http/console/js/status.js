// The status panel: every node this node reports on, its state, lag, last sync and uptime; a node whose state
// changed since the previous poll is highlighted for a while.
import { call, get } from './api.js';
import { $, el, td, rows, error, fmtTime, fmtSeconds } from './dom.js';

const HIGHLIGHT_MS = 15000;
const previous = new Map();
const changedAt = new Map();
let latest = { nodes: [] };

/** The last status answer ({nodes, total_nodes, online_nodes}). */
export const nodes = () => latest.nodes;

/** Fetches the status and the digest, renders them; resolves to this node's role ("master" or "slave"). */
export async function refreshStatus() {
  try {
    const { body, res } = await call('GET', '/api/dms/status');
    latest = body;
    render(body);
    error($('#status-error'), '');
    $('#status-updated').textContent = 'updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
    const role = res.headers.get('X-Node-Role') || 'master';
    refreshDigest();
    return role;
  } catch (e) {
    error($('#status-error'), 'Status unavailable: ' + e.message);
    return null;
  }
}

async function refreshDigest() {
  try {
    const d = await get('/api/dms/digest');
    $('#stream').textContent = 'This node: stream ' + (d.stream ?? '–') + ', head (applied seq) ' + d.applied_seq
      + ', ' + d.rows + ' readings';
  } catch (e) {
    $('#stream').textContent = 'Digest unavailable: ' + e.message;
  }
}

function render(status) {
  const now = Date.now();
  for (const n of status.nodes) {
    const before = previous.get(n.name);
    if (before !== undefined && before !== n.status) changedAt.set(n.name, now);
    previous.set(n.name, n.status);
  }
  $('#status-caption').textContent = status.online_nodes + ' of ' + status.total_nodes + ' nodes online';
  rows($('#status-table tbody'), status.nodes.map((n) => {
    const changed = now - (changedAt.get(n.name) ?? -Infinity) < HIGHLIGHT_MS;
    return el('tr', { class: 'row-' + n.status + (changed ? ' changed' : ''), 'data-node': n.name },
      el('th', { scope: 'row', text: n.name }),
      td(n.role),
      el('td', {}, el('span', { class: 'state state-' + n.status, text: n.status + (changed ? ' (changed)' : '') })),
      td(n.role === 'master' ? '–' : n.lag_changes, 'num'),
      td(n.role === 'master' ? '–' : n.sync_delay, 'num'),
      td(fmtTime(n.last_sync)),
      td(fmtSeconds(n.uptime), 'num'),
      td(n.host ? n.host + ':' + n.port : '–'),
      td(n.problem ?? '', 'wrap'));
  }));
}
