// One account: why its score is what it is (the factors, their points, the events behind them),
// its timeline (stage and KAM periods, the events with who, when and why, the score trend), and its
// buying committee (contacts, coverage, a single-threaded warning, a champion or decision maker gone), its
// profitability, and its lifetime value (the six indices, its rank and tier, the relationship level).
import * as api from './api.js';
import { el, duration, instant, isoDurationSeconds, percent, secondsBetween } from './format.js';

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
let current = null;

export async function open(accountId) {
  current = accountId;
  $('account').hidden = false;
  $('why-panel').dataset.state = 'loading';
  $('timeline').dataset.state = 'loading';
  $('committee').dataset.state = 'loading';
  $('account-profitability').dataset.state = 'loading';
  $('account-value').dataset.state = 'loading';
  const notYet = (problem) => (problem.status === 404 ? null : Promise.reject(problem));
  const [risk, history, timeline, committee, profitability, status] = await Promise.all([
    api.get(`/api/v1/accounts/${accountId}/churn-risk`),
    api.get(`/api/v1/accounts/${accountId}/churn-risk/history`),
    api.get(`/api/v1/accounts/${accountId}/timeline`),
    // Its own read model may not have folded a brand-new account yet: the rest of the view shows anyway.
    api.get(`/api/v1/accounts/${accountId}/committee`).catch(notYet),
    api.get(`/api/v1/accounts/${accountId}/profitability?period=P1Y&periods=1`).catch(notYet),
    api.get(`/api/v1/accounts/${accountId}/status`),
  ]);
  // The status carries the value's standing once the ranking has read the account: only then is there a value.
  const value = status.value ? await api.get(`/api/v1/accounts/${accountId}/value`).catch(notYet) : null;
  if (current !== accountId) return; // another account was opened meanwhile
  showTimeline(timeline, history);
  showWhy(status.name, risk);
  showCommittee(committee);
  showProfitability(profitability);
  showValue(value);
  $('account').dataset.accountId = accountId;
  $('account').scrollIntoView({ block: 'start' });
}

export function isOpen(accountId) { return current === accountId; }

function showWhy(name, risk) {
  $('why-account').textContent = name;
  $('why-score').textContent = `${risk.score} (${risk.band})`;
  $('why-meta').textContent = `model ${risk.modelVersion}, scored at ${instant(risk.at)}`
    + (risk.nextRescoreAt ? `, next rescore ${instant(risk.nextRescoreAt)}` : '');
  const items = risk.factors.map((f) => el('li', { 'data-testid': 'factor', 'data-factor': f.factor, 'data-points': String(f.points) },
    el('strong', { text: `${f.factor}: ${f.points} points` }), ' — ', f.reason,
    f.eventIds.length ? el('span', { class: 'cites' }, ' · events: ',
      ...f.eventIds.flatMap((id, i) => [i ? ', ' : '', el('a', { href: `#event-${id}`, 'data-testid': 'cited-event',
        'data-event-id': id, text: id.slice(0, 8), onclick: (e) => { e.preventDefault(); cite(id); } })])) : null));
  $('why-factors').replaceChildren(...items);
  $('why-sum').textContent = String(risk.factors.reduce((sum, f) => sum + f.points, 0));
  $('why-panel').dataset.state = 'loaded';
}

/** The trailing year's figures, the suggested decision and the team's latest one (issue 29). */
function showProfitability(report) {
  const panel = $('account-profitability');
  if (!report) {
    $('profitability-year').textContent = 'No profitability read yet.';
    $('profitability-suggestion').textContent = '';
    $('profitability-decision').textContent = '';
    panel.dataset.state = 'empty';
    return;
  }
  $('profitability-year').textContent = report.trailingYear.reason;
  const suggestion = $('profitability-suggestion');
  suggestion.textContent = `Suggested: ${report.suggestion.reason}`;
  suggestion.dataset.decision = report.suggestion.decision;
  const decided = report.latestDecision;
  $('profitability-decision').textContent = decided
    ? `Decided ${decided.decision}${decided.levers.length ? ` (${decided.levers.join(', ')})` : ''} on ${decided.at}: ${decided.rationale}`
    : 'No decision recorded yet (POST /profitability-decisions).';
  panel.dataset.state = 'loaded';
}

/** The lifetime value (issue 30): score, rank and tier with why, the treatment, each index, level and wallet. */
function showValue(value) {
  const panel = $('account-value');
  if (!value) {
    $('value-standing').textContent = 'Not ranked yet.';
    ['value-tier-reason', 'value-treatment', 'value-level'].forEach((id) => { $(id).textContent = ''; });
    ['value-indices', 'value-wallet', 'value-history'].forEach((id) => $(id).replaceChildren());
    $('value-suggestion').hidden = true;
    panel.dataset.state = 'empty';
    return;
  }
  const standing = $('value-standing');
  standing.textContent = value.ranked
    ? `Score ${value.score} of 100 · rank ${value.rank} of ${value.rankedAccounts} (the top ${value.topPercent}%) · ${value.tier}`
    : `Score ${value.score} of 100 · not ranked (only clients are)`;
  standing.dataset.tier = value.tier || '';
  $('value-tier-reason').textContent = value.tierReason || '';
  const t = value.treatment;
  $('value-treatment').textContent = t ? `${t.meaning}. Contact ${t.contactFrequency}`
    + (t.retainPercent === null ? '' : `; effort ${t.retainPercent}% retaining, ${t.growPercent}% growing`)
    + `; served by ${t.servedBy}.` : '';
  $('value-indices').replaceChildren(...value.indices.map((i) => el('li', { 'data-testid': 'value-index',
    'data-index': i.index, 'data-points': String(i.points) },
  el('strong', { text: `${i.index}: ${i.points} of ${i.weight} points` }), ' — ', i.reason)));
  const level = value.relationshipLevel;
  $('value-level').textContent = level ? `Relationship level ${level.level} (${level.name}): ${level.rationale}`
    : 'No relationship level assessed yet.';
  $('value-level').dataset.level = level ? String(level.level) : '';
  $('value-wallet').replaceChildren(...value.shareOfWallet.map((w) => el('li', { 'data-testid': 'value-wallet-share',
    'data-category': w.category },
  `${w.category} ${w.period}: ${w.sharePercent === null ? 'share unknown' : `${w.sharePercent}% of the wallet`}`
    + `${w.trend ? ` (${w.trend})` : ''}, estimate ${w.estimate} ${w.currency} by ${w.source}`)));
  $('value-suggestion').hidden = !value.suggestion;
  $('value-suggestion').textContent = value.suggestion || '';
  $('value-history').replaceChildren(...[...value.tierHistory].reverse().slice(0, 5).map((c) => el('li', {
    'data-testid': 'value-tier-change', 'data-tier': c.tier || '', 'data-kind': c.cause.kind },
  el('time', { text: instant(c.at) }), ` ${c.previousTier || '–'} → ${c.tier || 'not ranked'}: ${c.cause.reason}`)));
  panel.dataset.state = 'loaded';
}

function showCommittee(committee) {
  if (!committee) {
    $('committee-coverage').textContent = 'No committee read yet.';
    $('committee-single-threaded').hidden = true;
    $('committee-gaps').replaceChildren();
    $('committee-contacts').tBodies[0].replaceChildren();
    $('committee').dataset.state = 'empty';
    return;
  }
  const names = new Map(committee.contacts.map((c) => [c.contactId, c.name]));
  const cadence = duration(isoDurationSeconds(committee.cadence.every));
  const coverage = committee.coverage;
  $('committee-coverage').textContent = coverage.share === null
    ? `Coverage –: ${coverage.reason}`
    : `Coverage ${percent(coverage.share)}: ${coverage.reached} of ${coverage.keyContacts} with influence 4 or more reached within ${cadence}`;
  $('committee-coverage').title = `${coverage.reason} ${committee.cadence.reason}`;
  $('committee-coverage').dataset.share = coverage.share === null ? '' : String(coverage.share);
  const single = committee.singleThreaded;
  $('committee-single-threaded').hidden = !single.value;
  $('committee-single-threaded').textContent = single.value
    ? `Single-threaded: all ${single.interactions} two-way interactions within ${cadence} were with ${names.get(single.contactId) || single.contactId}`
    : '';
  $('committee-gaps').replaceChildren(...committee.gaps.map((g) => el('li', { 'data-testid': 'committee-gap', 'data-role': g.role },
    `No ${g.role} since ${instant(g.since)} (${names.get(g.departedContactId) || g.departedContactId} left)`)));
  $('committee-contacts').tBodies[0].replaceChildren(...committee.contacts.map((c) => el('tr',
    { 'data-testid': 'committee-contact', 'data-contact-id': c.contactId, 'data-status': c.status, class: c.status },
    el('td', {}, el('strong', { text: c.name }), c.title ? ` (${c.title})` : ''),
    el('td', { text: c.role }), el('td', { 'data-testid': 'contact-influence', text: String(c.influence) }),
    el('td', { text: c.status === 'LEFT' ? `LEFT ${instant(c.departure.at)}: ${c.departure.reason}` : c.status }),
    el('td', { 'data-testid': 'contact-last-two-way', text: c.lastTwoWayInteraction
      ? `${instant(c.lastTwoWayInteraction.at)} (${c.lastTwoWayInteraction.channel})` : 'never' }),
    el('td', { text: c.preferredChannel || '–' }))));
  $('committee').dataset.state = 'loaded';
}

/** Brings a cited event into view in the timeline and marks it. */
function cite(eventId) {
  document.querySelectorAll('.events li.cited').forEach((li) => li.classList.remove('cited'));
  const entry = document.getElementById(`event-${eventId}`);
  if (entry) {
    entry.classList.add('cited');
    entry.scrollIntoView({ block: 'center' });
  }
  $('timeline').dataset.cited = entry ? eventId : `missing:${eventId}`;
}

/** com.relationship.account.LifecycleStageAdvanced.v1 as LifecycleStageAdvanced. */
const short = (type) => (type || '').replace(/^com\.relationship\.account\./, '').replace(/\.v\d+$/, '');

function move(by) {
  if (!by) return '';
  return `${short(by.type)}${by.actor ? ` by ${by.actor}` : ''}${by.reason ? `: “${by.reason}”` : ''}`;
}

function periods(list, testid) {
  return list.map((p) => el('li', { 'data-testid': testid, 'data-stage': p.stage },
    el('strong', { text: p.stage }), ` ${instant(p.enteredAt)} → ${p.leftAt ? instant(p.leftAt) : 'now'}`,
    ` (${duration(typeof p.duration === 'number' ? p.duration : isoDurationSeconds(p.duration))})`,
    p.enteredBy ? el('div', { class: 'meta', 'data-testid': 'period-entered-by', text: `entered: ${move(p.enteredBy)}` }) : null));
}

function showTimeline(timeline, history) {
  $('timeline-lifecycle').replaceChildren(...periods(timeline.lifecycle || [], 'lifecycle-period'));
  $('timeline-kam').replaceChildren(...periods(timeline.kam || [], 'kam-period'));
  const entries = [...(timeline.entries || [])].sort((a, b) => b.sequence - a.sequence);
  $('timeline-events').replaceChildren(...entries.map((e) => el('li', { id: `event-${e.eventId}`,
    'data-testid': 'timeline-event', 'data-event-id': e.eventId, 'data-sequence': String(e.sequence), 'data-type': e.type },
    el('time', { text: instant(e.at) }), ' ', el('strong', { text: e.summary || e.type }),
    el('div', { class: 'meta', text: `#${e.sequence} ${short(e.type)}${e.actor ? ` by ${e.actor}` : ''}${e.reason ? ` — why: ${e.reason}` : ''}` }))));
  $('timeline-dropped').textContent = timeline.droppedEntries ? `(the ${timeline.droppedEntries} oldest not shown)` : '';
  // A reader's timeline withholds the audit data (auditDetails false): say so rather than show blanks.
  $('timeline-audit').hidden = timeline.auditDetails !== false;
  $('score-trend').replaceChildren(trend(history.changes || []));
  $('timeline').dataset.state = 'loaded';
}

/** The score over time as an SVG line, with a dashed marker where the churn model changed. */
function trend(changes) {
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 300 80');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  if (changes.length === 0) {
    svg.setAttribute('aria-label', 'no score yet');
    return svg;
  }
  const first = Date.parse(changes[0].at);
  const span = Math.max(1, Date.parse(changes[changes.length - 1].at) - first);
  const x = (at) => (changes.length === 1 ? 150 : ((Date.parse(at) - first) / span) * 290 + 5);
  const y = (score) => 75 - (score / 100) * 70;
  const line = document.createElementNS(svgNs, 'polyline');
  line.setAttribute('class', 'line');
  line.setAttribute('points', changes.map((c) => `${x(c.at).toFixed(1)},${y(c.score).toFixed(1)}`).join(' '));
  svg.append(line);
  changes.forEach((c, i) => {
    if (i > 0 && c.modelVersion !== changes[i - 1].modelVersion) {
      const marker = document.createElementNS(svgNs, 'line');
      marker.setAttribute('class', 'model');
      marker.setAttribute('data-testid', 'model-change');
      marker.setAttribute('x1', x(c.at)); marker.setAttribute('x2', x(c.at));
      marker.setAttribute('y1', 0); marker.setAttribute('y2', 80);
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = `model ${changes[i - 1].modelVersion} → ${c.modelVersion}`;
      marker.append(title);
      svg.append(marker);
    }
  });
  svg.setAttribute('aria-label', `score from ${changes[0].score} to ${changes[changes.length - 1].score}`);
  svg.dataset.points = String(changes.length);
  return svg;
}
