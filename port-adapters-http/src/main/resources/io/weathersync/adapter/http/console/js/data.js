// The latest reading of each city: a searchable table sortable by any column; refreshed live.
import { get } from './api.js';
import { $, el, td, rows, error, fmtTime, fmtNum } from './dom.js';

const NUMERIC = new Set(['temp', 'humidity', 'pressure', 'wind_speed']);
let readings = [];
let sortKey = 'city';
let ascending = true;
let shown = '';

/** The latest readings, by city. */
export const latestByCity = () => new Map(readings.map((r) => [r.city, r]));

/** Wires the search box and the sortable headers. */
export function initData() {
  $('#search').addEventListener('input', () => render(true));
  for (const th of document.querySelectorAll('#latest-table th[data-key]')) {
    th.querySelector('button').addEventListener('click', () => {
      ascending = sortKey === th.dataset.key ? !ascending : true;
      sortKey = th.dataset.key;
      render(true);
    });
  }
}

/** Fetches every city's latest reading and re-renders when anything changed. */
export async function refreshLatest() {
  try {
    const body = await get('/api/weather/latest');
    readings = Array.isArray(body) ? body : [body];
    error($('#latest-error'), '');
    render(false);
  } catch (e) {
    error($('#latest-error'), 'Latest readings unavailable: ' + e.message);
  }
  return readings;
}

function compare(a, b) {
  const x = a[sortKey];
  const y = b[sortKey];
  if (x === y) return 0;
  if (x === undefined || x === null) return 1;
  if (y === undefined || y === null) return -1;
  const order = NUMERIC.has(sortKey) ? x - y : String(x).localeCompare(String(y));
  return ascending ? order : -order;
}

function render(force) {
  const q = $('#search').value.trim().toLowerCase();
  const list = readings.filter((r) => r.city.toLowerCase().includes(q)).sort(compare);
  const key = JSON.stringify([q, sortKey, ascending, list]);
  if (!force && key === shown) return;
  shown = key;
  for (const th of document.querySelectorAll('#latest-table th[data-key]')) {
    if (th.dataset.key === sortKey) th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
  $('#latest-count').textContent = list.length + ' of ' + readings.length + ' cities';
  rows($('#latest-table tbody'), list.map((r) => el('tr', { 'data-city': r.city },
    el('th', { scope: 'row', text: r.city }),
    td(fmtNum(r.temp), 'num'),
    td(fmtNum(r.humidity, 0), 'num'),
    td(fmtNum(r.pressure), 'num'),
    td(fmtNum(r.wind_speed), 'num'),
    td(fmtTime(r.timestamp)),
    td(r.source))));
}
