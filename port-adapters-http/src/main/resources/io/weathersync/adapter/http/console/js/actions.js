// Admin actions. On the master: register a node, issue its credentials (the secret shown once), enable or
// disable it, test its connection, sync a slave. On a slave: request a sync from the master. Every action says
// its result in the page; a failure shows the API's reason.
import { call, get, auth } from './api.js';
import { $, el, td, rows, result, fields, fmtTime } from './dom.js';

const STATUS = { 0: 'offline', 1: 'online', 2: 'disabled' };
let onNodes = () => {};

/** Fetches the registry (admin, on the master only) and shows it; hands the list to {onNodes}. */
export async function refreshNodes() {
  if (document.body.dataset.role !== 'master' || !auth.signedIn()) {
    shownNodes = '';
    rows($('#nodes-table tbody'), []);
    return;
  }
  try {
    const list = (await get('/api/v1/cascade/nodes', { admin: true })).data;
    renderNodes(list);
    onNodes(list);
  } catch (e) {
    result($('#nodes-result'), false, 'Nodes: ' + e.message);
  }
}

let shownNodes = '';

function renderNodes(list) {
  // Re-rendered only when something changed, so keyboard focus stays on its button between polls.
  // Heartbeat times change every second: they are updated in place, the rest only when something changed.
  const key = JSON.stringify(list.map(({ last_heartbeat_at: hb, last_sync_at: ls, ...rest }) => rest));
  if (key === shownNodes) {
    for (const n of list) {
      const cell = document.querySelector('#nodes-table tr[data-node="' + CSS.escape(n.name) + '"] td.heartbeat');
      if (cell) cell.textContent = fmtTime(n.last_heartbeat_at);
    }
    return;
  }
  shownNodes = key;
  const select = $('#sync-slave');
  const chosen = select.value;
  select.replaceChildren(...list.map((n) => el('option', { value: n.name, text: n.name })));
  if (list.some((n) => n.name === chosen)) select.value = chosen;
  rows($('#nodes-table tbody'), list.map((n) => el('tr', { 'data-node': n.name },
    el('th', { scope: 'row', text: n.name }),
    td(n.api_url || '–'),
    td(n.api_key ?? 'none issued'),
    td(STATUS[n.status] ?? String(n.status)),
    td(n.is_active ? 'yes' : 'no'),
    td(fmtTime(n.last_heartbeat_at), 'heartbeat'),
    el('td', {},
      el('button', { type: 'button', class: 'issue', 'aria-label': 'Issue credentials for ' + n.name,
        text: n.api_key ? 'Reissue credentials' : 'Issue credentials',
        title: n.api_key ? 'New credentials revoke the current ones at once' : null,
        onclick: () => issue(n) }), ' ',
      el('button', { type: 'button', class: 'toggle', 'aria-label': (n.is_active ? 'Disable ' : 'Enable ') + n.name,
        text: n.is_active ? 'Disable' : 'Enable', onclick: () => toggle(n) }), ' ',
      el('button', { type: 'button', class: 'test', 'aria-label': 'Test the connection to ' + n.name,
        text: 'Test connection', onclick: () => test(n) })))));
}

/** Runs {action}, then shows its message, or the API's reason, in {out}; refreshes the registry. */
async function act(out, label, action) {
  try {
    result(out, true, label + '…');
    const text = await action();
    result(out, true, label + ': ' + text);
  } catch (e) {
    result(out, false, label + ' failed: ' + e.message);
  }
  refreshNodes();
}

function showSecret(data) {
  $('#secret-key').value = data.api_key;
  $('#secret-value').value = data.api_secret;
  $('#secret-copied').textContent = '';
  $('#secret-box').hidden = false;
  $('#secret-value').focus();
}

/** Forgets the secret shown (closing its box, or signing out): the page never shows it again. */
export function hideSecret() {
  const shown = !$('#secret-box').hidden;
  $('#secret-key').value = '';
  $('#secret-value').value = '';
  $('#secret-box').hidden = true;
  if (shown) $('#reg-name').focus();
}

async function issueFor(id) {
  const data = (await call('POST', '/api/v1/cascade/nodes/' + encodeURIComponent(id) + '/credentials',
    { admin: true })).body.data;
  showSecret(data);
  return 'key ' + data.api_key + ' issued; copy its secret now';
}

const issue = (n) => act($('#nodes-result'), 'Credentials for ' + n.name, () => issueFor(n.id));

const toggle = (n) => act($('#nodes-result'), (n.is_active ? 'Disable ' : 'Enable ') + n.name, async () => {
  await call('PUT', '/api/v1/cascade/nodes/' + encodeURIComponent(n.id), { admin: true,
    body: { is_active: !n.is_active } });
  return n.is_active ? 'disabled' : 'enabled';
});

const test = (n) => act($('#nodes-result'), 'Connection to ' + n.name, async () => {
  const d = (await call('POST', '/api/v1/cascade/nodes/' + encodeURIComponent(n.id) + '/test-connection',
    { admin: true, body: {} })).body.data;
  return (d.reachable ? 'reachable' : 'NOT reachable') + (d.latency_ms !== null && d.latency_ms !== undefined
    ? ', ' + d.latency_ms + ' ms' : '') + (d.role ? ', role ' + d.role : '') + (d.detail ? ' (' + d.detail + ')' : '');
});

const syncText = (d) => 'pushed seqs ' + d.from_seq + '–' + d.to_seq + ' (' + d.pushed + ' changes, ' + d.resent
  + ' re-sent)';

async function requestSync(path, form, admin) {
  const body = fields(form);
  delete body.slave;
  return syncText((await call('POST', path, { admin, body })).body.data);
}

/** Wires the master's forms and buttons. */
export function initMasterActions(nodesListener) {
  onNodes = nodesListener;
  $('#register-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    const body = { node_type: 1, ...fields(form) };
    act($('#register-result'), 'Register ' + body.name, async () => {
      const node = (await call('POST', '/api/v1/cascade/nodes', { admin: true, body })).body.data;
      form.reset();
      return 'node created (id ' + node.node_id + '); ' + await issueFor(node.node_id);
    });
  });
  $('#secret-copy').addEventListener('click', async () => {
    const text = $('#secret-key').value + ':' + $('#secret-value').value;
    try {
      await navigator.clipboard.writeText(text);
      $('#secret-copied').textContent = 'Copied to the clipboard.';
    } catch {
      $('#secret-value').select();
      $('#secret-copied').textContent = 'Copy is not allowed here: the secret is selected, press Ctrl+C.';
    }
  });
  $('#secret-done').addEventListener('click', hideSecret);
  $('#sync-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const slave = $('#sync-slave').value;
    act($('#sync-result'), 'Sync ' + slave, () =>
      requestSync('/api/dms/slaves/' + encodeURIComponent(slave) + '/sync', e.target, true));
  });
}

/** Wires the slave's sync request; {self} names this slave. */
export function initSlaveActions(self) {
  $('#request-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = self();
    const out = $('#request-result');
    if (!name) {
      result(out, false, 'Request sync failed: this slave does not know its name yet');
      return;
    }
    act(out, 'Request sync', () =>
      requestSync('/api/dms/slaves/' + encodeURIComponent(name) + '/sync', e.target, auth.signedIn()));
  });
}
