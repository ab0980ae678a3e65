// The churn backtest's report (issue 27): the latest finished backtest (of any instance), the models
// side by side, whether it calibrates revenue at risk, the calibration per band and the lapse rate per
// score decile.
import * as api from './api.js';
import { el } from './format.js';

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const percent = (share) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
const figure = (value, digits = 2) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
const days = (iso) => `${Math.round(Number(/PT(\d+)H/.exec(iso || '')?.[1] || 0) / 24)} days`;

function bar(share, kind) {
  const span = el('span', { class: `bar ${kind}` });
  span.style.width = `${Math.max(1, Math.round((share || 0) * 100))}%`;
  return span;
}

function models(results) {
  $('backtest-models').querySelector('tbody').replaceChildren(...results.map((r) => el('tr', {
    'data-testid': 'backtest-model', 'data-model': r.modelVersion, 'data-horizon': r.horizon },
  el('td', { text: r.modelVersion }), el('td', { text: days(r.horizon) }), el('td', { text: r.scored }),
  el('td', { 'data-testid': 'unobserved', text: r.unobserved }),
  el('td', { text: r.lapses }), el('td', { 'data-testid': 'auc', text: figure(r.auc, 3) }),
  el('td', { text: percent(r.highPrecision) }), el('td', { text: percent(r.highRecall) }),
  el('td', { text: figure(r.highLift, 1) }),
  el('td', { text: r.medianLeadDays === null ? '–' : `${figure(r.medianLeadDays, 0)} days` }))));
}

const weights = (map) => Object.entries(map || {}).map(([factor, w]) => `${factor} ${w}`).join(', ');

function suggestions(results) {
  const suggested = results.filter((r) => r.suggestedWeights);
  $('backtest-suggestions').querySelector('tbody').replaceChildren(...(suggested.length === 0
    ? [el('tr', {}, el('td', { colspan: '5', text: 'No suggestion: only version 2 models are searched.' }))]
    : suggested.map((r) => el('tr', { 'data-testid': 'backtest-suggestion', 'data-model': r.modelVersion },
      el('td', { text: r.modelVersion }), el('td', { text: days(r.horizon) }),
      el('td', { text: figure(r.auc, 3) }), el('td', { text: weights(r.suggestedWeights) }),
      el('td', { 'data-testid': 'suggested-auc', text: figure(r.suggestedAuc, 3) })))));
}

function bands(results) {
  $('backtest-bands').replaceChildren(...results.map((r) => el('div', { class: 'panel' },
    el('h3', { text: `model ${r.modelVersion}, ${days(r.horizon)}` }),
    ...r.bands.map((b) => el('div', { 'data-testid': 'band-calibration', 'data-band': b.band, class: 'row' },
      el('span', { class: 'label', text: `${b.band} (${b.scored})` }),
      el('span', { class: 'bars' }, bar(b.predictedLapseRate, 'predicted'), bar(b.observedLapseRate, 'observed')),
      el('span', { class: 'meta', text: `assumed ${percent(b.predictedLapseRate)}, observed ${percent(b.observedLapseRate)}` }))))));
}

function deciles(results) {
  $('backtest-deciles').replaceChildren(...results.map((r) => el('div', { class: 'panel' },
    el('h3', { text: `model ${r.modelVersion}, ${days(r.horizon)}` }),
    ...r.deciles.map((d) => el('div', { 'data-testid': 'decile', 'data-decile': d.decile, class: 'row' },
      el('span', { class: 'label', text: `${d.minScore}–${d.maxScore}` }),
      el('span', { class: 'bars' }, bar(d.observedLapseRate, 'observed')),
      el('span', { class: 'meta', text: percent(d.observedLapseRate) }))))));
}

async function main() {
  const page = $('backtest');
  try {
    await api.signIn();
    const all = await api.get('/api/v1/admin/churn-backtests');
    const done = all.find((b) => b.state === 'DONE');
    if (!done) {
      $('backtest-status').textContent = 'No backtest has finished yet: an admin starts one with'
        + ' POST /api/v1/admin/churn-backtests.';
      page.dataset.state = 'empty';
      return;
    }
    const report = done.report;
    $('backtest-status').textContent = `Backtest ${done.id}, finished ${done.finishedAt}.`;
    $('backtest-plan').textContent = `${report.cutoffs} cutoffs from ${done.request.from} to ${done.request.to} by`
      + ` ${days(done.request.step)}, ${report.accounts} accounts; `
      + (report.usedLateFacts ? 'facts recorded after a cutoff but dated before it were used.'
        : 'each account scored on what was known at the cutoff.') + (report.note ? ` ${report.note}` : '');
    $('backtest-calibration').textContent = done.calibration || '';
    models(report.results);
    suggestions(report.results);
    bands(report.results);
    deciles(report.results);
    page.dataset.state = 'loaded';
  } catch (problem) {
    $('backtest-status').textContent = `The report cannot be shown: ${problem.message}`;
    page.dataset.state = 'failed';
  }
}

main();
