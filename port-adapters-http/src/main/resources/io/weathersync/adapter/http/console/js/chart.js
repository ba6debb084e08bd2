// Temperature and humidity of one city over a date range, from the history API (paged), drawn with uPlot from
// this jar. The chart reloads by itself when the city's latest reading changes.
import { call } from './api.js';
import { $, el, result, day } from './dom.js';

const PAGE = 1000;
const MAX_PAGES = 20;
let plot = null;
let shownFor = null;
let loading = null;

/** Adds {tag} with {attrs} to the head; resolves once it has loaded. */
function load(tag, attrs) {
  return new Promise((resolve, reject) => document.head.append(el(tag, { ...attrs, onload: resolve,
    onerror: () => reject(new Error('cannot load ' + (attrs.src ?? attrs.href))) })));
}

/** uPlot (its minified build, 50 kB) and its stylesheet, fetched with the first chart: the page paints first. */
function uPlot() {
  loading ??= Promise.all([load('script', { src: 'vendor/uplot/uPlot.iife.min.js' }),
    load('link', { rel: 'stylesheet', href: 'vendor/uplot/uPlot.min.css' })]).then(() => window.uPlot);
  return loading;
}

/** The time axis' range: the readings' span, or an hour either side of a single reading. */
function span(xs) {
  if (xs.length === 0) return [Date.now() / 1000 - 3600, Date.now() / 1000];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? [lo - 3600, hi + 3600] : [lo, hi];
}

/** Every reading of {city} from {start} to {end} (yyyy-mm-dd), following the history API's cursor. */
async function history(city, start, end) {
  const out = [];
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const q = new URLSearchParams({ city, start, end, limit: PAGE });
    if (cursor) q.set('cursor', cursor);
    const { body, res } = await call('GET', '/api/weather/history?' + q);
    out.push(...body);
    cursor = res.headers.get('X-Next-Cursor');
    if (!cursor) break;
  }
  return out;
}

function options(U, width, xRange) {
  return {
    width,
    height: 280,
    scales: { x: { time: true, range: () => xRange }, temp: { auto: true }, hum: { range: [0, 100] } },
    series: [
      {},
      { label: 'Temperature (°C)', scale: 'temp', stroke: '#cf222e', width: 2, points: { show: true } },
      { label: 'Humidity (%)', scale: 'hum', stroke: '#1f6feb', width: 2, points: { show: true } },
    ],
    axes: [
      { label: 'Observed (UTC)' },
      { scale: 'temp', label: 'Temperature (°C)', size: 70, values: (u, vals) => vals.map((v) => v + ' °C') },
      { scale: 'hum', side: 1, label: 'Humidity (%)', size: 70, grid: { show: false }, values: (u, vals) => vals.map((v) => v + ' %') },
    ],
    tzDate: (ts) => U.tzDate(new Date(ts * 1000), 'Etc/UTC'),
  };
}

/** Draws the chart for the form's city and range. */
export async function drawChart() {
  const city = $('#chart-city').value;
  const start = $('#chart-start').value;
  const end = $('#chart-end').value;
  const out = $('#chart-result');
  if (!city) return;
  try {
    const [U, list] = await Promise.all([uPlot(), history(city, start, end)]);
    const data = [list.map((r) => Date.parse(r.timestamp) / 1000), list.map((r) => r.temp),
      list.map((r) => r.humidity)];
    const box = $('#chart');
    plot?.destroy();
    plot = new U(options(U, Math.max(280, box.clientWidth), span(data[0])), data, box);
    shownFor = { city, last: list.length ? list[list.length - 1].timestamp : null };
    box.dataset.points = String(list.length);
    box.dataset.city = city;
    result(out, true, list.length + (list.length === 1 ? ' reading of ' : ' readings of ') + city + ' from ' + start + ' to ' + end);
  } catch (e) {
    shownFor = { city, last: undefined };
    result(out, false, 'Chart: ' + e.message);
  }
}

/** Wires the form; the range defaults to the last two days (UTC) through tomorrow. */
export function initChart() {
  $('#chart-start').value = day(-2);
  $('#chart-end').value = day(1);
  $('#chart-form').addEventListener('submit', (e) => {
    e.preventDefault();
    drawChart();
  });
  $('#chart-city').addEventListener('change', drawChart);
  window.addEventListener('resize', () => plot?.setSize({ width: Math.max(280, $('#chart').clientWidth), height: 280 }));
}

/** Keeps the city list in step with the latest readings; redraws when the shown city has a newer reading. */
export function onLatest(readings) {
  const select = $('#chart-city');
  const names = readings.map((r) => r.city).sort((a, b) => a.localeCompare(b));
  const current = [...select.options].map((o) => o.value);
  if (JSON.stringify(names) !== JSON.stringify(current)) {
    const chosen = select.value;
    select.replaceChildren(...names.map((n) => el('option', { value: n, text: n })));
    if (names.includes(chosen)) select.value = chosen;
  }
  if (!shownFor && select.value) {
    drawChart();
    return;
  }
  const latest = readings.find((r) => r.city === shownFor?.city);
  if (latest && shownFor.last !== undefined && latest.timestamp !== shownFor.last && latest.timestamp.slice(0, 10) <= $('#chart-end').value) {
    drawChart();
  }
}
