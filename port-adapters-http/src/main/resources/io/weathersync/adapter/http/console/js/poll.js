// The master's poll panel: source, cities, interval, cost against the free tier, and the last cycle.
import { get } from './api.js';
import { $, el, fmtTime, fmtSeconds } from './dom.js';

function tiers(p) {
  if (p.free_tiers.length === 0) return 'no free-tier limit';
  return p.free_tiers.map((t) => t.requests.toLocaleString('en') + ' per ' + fmtSeconds(t.period_s)).join(', ')
    + (p.within_free_tiers ? ' (within)' : ' (EXCEEDED)');
}

function lastCycle(c) {
  if (!c) return 'none yet';
  const causes = c.causes.map((k) => k.cities + ' × ' + k.cause).join('; ');
  return fmtTime(c.ended_at) + ': ' + c.readings + ' readings, ' + c.changes + ' changes, ' + c.failed_cities
    + ' cities failed' + (causes ? ' (' + causes + ')' : '') + ', ' + c.took_ms + ' ms';
}

/** Fetches and shows the poll status. */
export async function refreshPoll() {
  const list = $('#poll-list');
  try {
    const p = await get('/api/dms/poll');
    const facts = [['Source', p.source], ['Cities', p.cities], ['Every', fmtSeconds(p.interval_s)],
      ['Requests per day', p.requests_per_day.toLocaleString('en')], ['Free tier', tiers(p)],
      ['Last cycle', lastCycle(p.last_cycle)]];
    list.replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: String(v) })]));
  } catch (e) {
    list.replaceChildren(el('dt', { text: 'Poll' }), el('dd', { class: 'error', text: e.message }));
  }
}
