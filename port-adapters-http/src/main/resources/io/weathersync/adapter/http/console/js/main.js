// The console's entry point: finds this node's role, shows what that role can show, signs the admin in and out,
// and refreshes every panel live by polling this node every 2 s (paused while the tab is hidden).
import { auth, get, ApiError } from './api.js';
import { $, result } from './dom.js';
import { refreshStatus, nodes } from './status.js';
import { refreshPoll } from './poll.js';
import { initData, refreshLatest } from './data.js';
import { initChart, onLatest } from './chart.js';
import { initHistory, refreshHistory, setNodes } from './history.js';
import { initMasterActions, initSlaveActions, refreshNodes, hideSecret } from './actions.js';

const TICK_MS = 2000;
let role = null;

function showRole(r) {
  role = r;
  document.body.dataset.role = r;
  $('#node-role').textContent = r;
  for (const e of document.querySelectorAll('[data-role]')) e.hidden = e.dataset.role !== r;
  if (r === 'slave') {
    const master = nodes().find((n) => n.role === 'master');
    $('#history-note').textContent = 'The sync history is kept by the master'
      + (master ? ' (' + master.host + ':' + master.port + '): open its console.' : '.');
  }
}

/** This slave's own name: the slave line of its status view (a slave reports the master and itself). */
const selfName = () => nodes().find((n) => n.role === 'slave')?.name ?? null;

function showSignedIn() {
  const signed = auth.signedIn();
  $('#login').hidden = signed;
  $('#signed-in').hidden = !signed;
  $('#actions-note').textContent = role === 'slave'
    ? (signed ? 'Signed in with this slave\'s own admin token: a sync request goes to the master with its credentials.'
      : 'Sign in with this slave\'s own admin token (its ADMIN_TOKEN) to request a sync.')
    : (signed ? 'Signed in: the token is kept for this tab only.' : 'Sign in with the admin token to act.');
}

/** On the master the token is checked against an admin endpoint first; a slave checks it when used. */
async function signIn(e) {
  e.preventDefault();
  const token = $('#token').value;
  const out = $('#login-result');
  try {
    if (role === 'master') await get('/api/v1/cascade/nodes', { token });
    auth.keep(token);
    $('#token').value = '';
    result(out, true, 'Signed in.');
    showSignedIn();
    refreshAdmin();
  } catch (err) {
    result(out, false, 'Sign in failed: ' + (err instanceof ApiError ? err.message : String(err)));
  }
}

function signOut() {
  auth.forget();
  hideSecret();
  result($('#login-result'), true, 'Signed out.');
  showSignedIn();
  refreshAdmin();
}

async function refreshAdmin() {
  if (role !== 'master') return;
  await refreshNodes();
  await refreshHistory();
}

async function tick() {
  if (!document.hidden) {
    const r = await refreshStatus();
    if (r && r !== role) {
      showRole(r);
      showSignedIn();
      if (r === 'master') refreshAdmin();
    }
    onLatest(await refreshLatest());
    if (role === 'master') {
      await refreshPoll();
      await refreshAdmin();
    }
  }
  setTimeout(tick, TICK_MS);
}

initData();
initChart();
initHistory(refreshHistory);
initMasterActions(setNodes);
initSlaveActions(selfName);
$('#login').addEventListener('submit', signIn);
$('#logout').addEventListener('click', signOut);
showSignedIn();
tick();
