// The funnel: one cell per stage, drawn empty at once, filled from the snapshot and each funnel-tick. Narrowed to
// one value tier, it is that tier's snapshot, fetched again (at most once a second) when a tick says the
// portfolio moved: the stream's ticks are the whole portfolio's.
import * as api from './api.js';
import { el, duration, percent } from './format.js';

export const LADDER = ['PROSPECT', 'CUSTOMER', 'CLIENT', 'SUPPORTER', 'ADVOCATE', 'PARTNER'];
export const APART = ['LAPSED', 'DISQUALIFIED'];
export const KAM = ['PRE_KAM', 'EARLY_KAM', 'MID_KAM', 'PARTNERSHIP_KAM', 'SYNERGISTIC_KAM', 'UNCOUPLING_KAM'];
export const TIERS = ['MVC', 'MGC', 'MIGRATOR', 'BZ'];

const tierSelect = () => document.querySelector('[data-testid="funnel-tier"]');

/** The tier the funnel is narrowed to; '' for every account. */
export function tier() {
  return tierSelect().value;
}

/** The funnel's snapshot as the page shows it now: every account's, or one tier's. */
export async function refresh() {
  const table = document.querySelector('[data-testid="funnel"]');
  table.dataset.state = 'loading';
  const chosen = tier();
  const counts = await api.get(chosen ? `/api/v1/dashboard/funnel?tier=${chosen}` : '/api/v1/dashboard/funnel');
  if (chosen === tier()) show(counts);
  return counts;
}

/** A funnel-tick arrived: show it, or, narrowed to a tier, fetch the tier's again at most once a second. */
let timer = null;
export function ticked(counts) {
  if (!tier()) {
    show(counts);
    return;
  }
  if (timer) return;
  timer = setTimeout(() => { timer = null; refresh().catch(() => {}); }, 1000);
}

function cell(stage, apart) {
  return el('td', { 'data-testid': `funnel-${stage}`, 'data-count': '', class: apart ? 'apart' : null },
    el('span', { class: 'count', text: '–' }),
    el('span', { class: 'bar' }),
    el('span', { class: 'conversion', text: apart ? 'apart from the ladder' : '' }),
    el('span', { class: 'median', 'data-testid': `funnel-${stage}-median`, text: '' }));
}

export function renderShell() {
  TIERS.forEach((t) => tierSelect().append(el('option', { value: t, text: t })));
  tierSelect().addEventListener('change', () => refresh().catch(() => {}));
  const head = document.getElementById('funnel-lifecycle-head');
  const row = document.getElementById('funnel-lifecycle');
  for (const stage of [...LADDER, ...APART]) {
    head.append(el('th', { scope: 'col', text: stage }));
    row.append(cell(stage, APART.includes(stage)));
  }
  const kamHead = document.getElementById('funnel-kam-head');
  const kamRow = document.getElementById('funnel-kam');
  for (const stage of KAM) {
    kamHead.append(el('th', { scope: 'col', text: stage }));
    kamRow.append(cell(stage, false));
  }
}

export function show(funnel) {
  const cells = [...funnel.lifecycle, ...funnel.apart, ...funnel.kam];
  const widest = Math.max(1, ...cells.map((c) => c.count));
  for (const c of cells) {
    const td = document.querySelector(`[data-testid="funnel-${c.stage}"]`);
    if (!td) continue;
    td.dataset.count = String(c.count);
    td.dataset.medianSeconds = c.medianSecondsInStage === null ? '' : String(c.medianSecondsInStage);
    td.querySelector('.count').textContent = String(c.count);
    td.querySelector('.bar').style.width = `${Math.round((c.count / widest) * 100)}%`;
    if (!APART.includes(c.stage)) {
      td.querySelector('.conversion').textContent = c.conversionToNext === null ? ''
        : `${percent(c.conversionToNext)} on to next`;
    }
    td.querySelector('.median').textContent = c.medianSecondsInStage === null ? ''
      : `median ${duration(c.medianSecondsInStage)} in stage`;
  }
  const table = document.querySelector('[data-testid="funnel"]');
  table.dataset.tier = tier();
  table.dataset.total = String(funnel.totalAccounts);
  table.dataset.state = 'loaded';
}
