// The live feed: a sentence per change, newest first, the last 100 kept. Under load the rows are
// written at most every half second, and a burst shows its latest rows and "+N more".
import { el, instant } from './format.js';

const KEEP = 100;
const BURST = 20;
const known = new Map(); // accountId -> the last status this tab saw of it
let pending = [];
let timer = null;

/** What changed between two statuses of one account, in words. */
function describe(before, after) {
  if (!before) return `now ${after.stage}${after.kamStage ? ` / ${after.kamStage}` : ''}, churn ${after.churnScore} ${after.churnBand}`;
  const parts = [];
  if (before.stage !== after.stage) parts.push(`${before.stage} → ${after.stage}`);
  if (before.kamStage !== after.kamStage) parts.push(`KAM ${before.kamStage || 'none'} → ${after.kamStage}`);
  if (after.purchaseCount > before.purchaseCount) parts.push(`${after.purchaseCount - before.purchaseCount} purchase(s) recorded`);
  if (after.openComplaints.length !== before.openComplaints.length) parts.push(`${after.openComplaints.length} complaint(s) open`);
  if ((after.lastInteraction || {}).eventId !== (before.lastInteraction || {}).eventId && after.lastInteraction) parts.push('interaction recorded');
  if (before.churnScore !== after.churnScore) parts.push(`churn ${before.churnScore} → ${after.churnScore}`);
  return parts.length ? parts.join('; ') : 'updated';
}

export function status(s) {
  const before = known.get(s.accountId);
  known.set(s.accountId, s);
  add({ kind: 'account-status', accountId: s.accountId, sequence: s.lastAppliedSequence, at: s.updatedAt,
    text: `${s.name}: ${describe(before, s)}`, detail: `event #${s.lastAppliedSequence}` });
}

export function churnBand(c) {
  const name = known.has(c.accountId) ? known.get(c.accountId).name : c.accountId.slice(0, 8);
  add({ kind: 'churn-band', accountId: c.accountId, sequence: null, at: c.at,
    text: `${name}: churn band ${c.previousBand || 'new'} → ${c.band} (score ${c.score})`,
    detail: c.cause.kind === 'EVENT' ? 'after an event' : c.cause.kind === 'TIME' ? 'time passed' : 'new model' });
}

function add(change) {
  pending.push(change);
  if (!timer) timer = setTimeout(flush, 500);
}

function flush() {
  timer = null;
  const list = document.querySelector('[data-testid="feed"]');
  const burst = pending;
  pending = [];
  const shown = burst.slice(-BURST);
  const rows = shown.reverse().map((c) => el('li', { 'data-testid': 'feed-row', 'data-kind': c.kind,
    'data-account-id': c.accountId, 'data-sequence': c.sequence === null ? null : String(c.sequence) },
  el('time', { text: `${instant(c.at)} · ${c.detail}` }), c.text));
  if (burst.length > BURST) {
    rows.push(el('li', { class: 'more', 'data-testid': 'feed-more', text: `+${burst.length - BURST} more changes` }));
  }
  list.prepend(...rows);
  while (list.children.length > KEEP) list.lastElementChild.remove();
}
