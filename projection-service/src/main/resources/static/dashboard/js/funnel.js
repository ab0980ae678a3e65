// The funnel: one cell per stage, drawn empty at once, filled from the snapshot and each funnel-tick.
import { el, duration, percent } from './format.js';

export const LADDER = ['PROSPECT', 'CUSTOMER', 'CLIENT', 'SUPPORTER', 'ADVOCATE', 'PARTNER'];
export const APART = ['LAPSED', 'DISQUALIFIED'];
export const KAM = ['PRE_KAM', 'EARLY_KAM', 'MID_KAM', 'PARTNERSHIP_KAM', 'SYNERGISTIC_KAM', 'UNCOUPLING_KAM'];

function cell(stage, apart) {
  return el('td', { 'data-testid': `funnel-${stage}`, 'data-count': '', class: apart ? 'apart' : null },
    el('span', { class: 'count', text: '–' }),
    el('span', { class: 'bar' }),
    el('span', { class: 'conversion', text: apart ? 'apart from the ladder' : '' }),
    el('span', { class: 'median', 'data-testid': `funnel-${stage}-median`, text: '' }));
}

export function renderShell() {
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
  document.querySelector('[data-testid="funnel"]').dataset.state = 'loaded';
}
