// The churn watch list: filters and order are query parameters of the snapshot, refetched when
// changes arrive (at most once a second), so the list always is what the server would answer.
import * as api from './api.js';
import { el, duration, instant, secondsBetween } from './format.js';
import { LADDER, APART, KAM, TIERS } from './funnel.js';

const table = () => document.querySelector('[data-testid="watch-list"]');
const form = () => document.querySelector('[data-testid="watch-filters"]');
let onSelect = () => {};
let due = false;
let loading = null;

export function renderShell(select) {
  onSelect = select;
  const stage = form().elements.stage;
  [...LADDER, ...APART].forEach((s) => stage.append(el('option', { value: s, text: s })));
  const kam = form().elements.kamStage;
  KAM.forEach((s) => kam.append(el('option', { value: s, text: s })));
  const tier = form().elements.tier;
  TIERS.forEach((t) => tier.append(el('option', { value: t, text: t })));
  form().addEventListener('change', () => refresh());
}

function query() {
  const params = new URLSearchParams();
  for (const name of ['band', 'stage', 'kamStage', 'tier', 'sort']) {
    const value = form().elements[name].value;
    if (value) params.set(name, value);
  }
  params.set('size', '50');
  return params;
}

function arrow(change) {
  if (change === null || change === undefined) return el('span', { class: 'trend-flat', title: 'no score 30 days ago', text: '–' });
  if (change > 0) return el('span', { class: 'trend-up', 'data-trend': 'up', text: `▲ +${change}` });
  if (change < 0) return el('span', { class: 'trend-down', 'data-trend': 'down', text: `▼ ${change}` });
  return el('span', { class: 'trend-flat', 'data-trend': 'flat', text: '→ 0' });
}

function row(item, asOf) {
  const factors = item.topFactors.map((f) => `${f.factor} ${f.points}`).join(', ');
  const last = item.lastInteraction;
  return el('tr', { 'data-account-id': item.accountId, 'data-band': item.band, 'data-score': String(item.score) },
    el('td', {}, el('button', { class: 'link', type: 'button', 'data-testid': 'open-account', text: item.name,
      onclick: () => onSelect(item.accountId) })),
    el('td', { text: item.stage }),
    el('td', { text: item.kamStage || '' }),
    el('td', { 'data-testid': 'score', text: String(item.score) }),
    el('td', {}, el('span', { class: `badge ${item.band}`, 'data-testid': 'band', text: item.band })),
    el('td', {}, arrow(item.scoreChange)),
    el('td', { title: item.topFactors.map((f) => f.reason).join('\n'), text: factors || '–' }),
    el('td', { title: last ? instant(last.at) : '', text: last ? `${duration(secondsBetween(last.at, asOf))} ago` : 'never' }),
    el('td', { text: String(item.openComplaints) }));
}

export async function refresh() {
  if (loading) { due = true; return loading; }
  loading = (async () => {
    try {
      const list = await api.get(`/api/v1/dashboard/watch-list?${query()}`);
      const body = table().querySelector('tbody');
      body.replaceChildren(...list.items.map((item) => row(item, list.asOf)));
      document.querySelector('[data-testid="watch-total"]').textContent = `${list.items.length} of ${list.totalItems}`;
      table().dataset.tier = form().elements.tier.value;
      table().dataset.state = 'loaded';
    } finally {
      loading = null;
    }
  })();
  await loading;
  if (due) { due = false; await refresh(); }
}

/** A change arrived: refetch, but not more than once a second however many arrive. */
let timer = null;
export function changed() {
  if (timer) return;
  timer = setTimeout(() => { timer = null; refresh().catch(() => {}); }, 1000);
}
