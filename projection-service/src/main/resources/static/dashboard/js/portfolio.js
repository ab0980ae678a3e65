// The portfolio's profitability (issue 29): the whale curve drawn as SVG, its reading, the unprofitable
// tail with the decision the service suggests for each, and what serving the portfolio cost by activity.
import * as api from './api.js';
import { el } from './format.js';

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const SVG = 'http://www.w3.org/2000/svg';
const W = 420, H = 220, PAD = 30;
const money = (value) => Number(value).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

/** The curve, scaled so its highest and lowest points and the 100% line fit. */
function draw(curve) {
  const chart = $('whale-curve');
  const values = curve.curve.map((p) => Number(p.profitPercent));
  const top = Math.max(100, ...values), bottom = Math.min(0, ...values);
  const x = (share) => PAD + (Number(share) / 100) * (W - 2 * PAD);
  const y = (share) => H - PAD - ((Number(share) - bottom) / (top - bottom || 1)) * (H - 2 * PAD);
  const points = curve.curve.map((p) => `${x(p.accountsPercent).toFixed(1)},${y(p.profitPercent).toFixed(1)}`);
  chart.replaceChildren(
    svg('line', { class: 'axis', x1: PAD, y1: y(0), x2: W - PAD, y2: y(0) }),
    svg('line', { class: 'hundred', x1: PAD, y1: y(100), x2: W - PAD, y2: y(100), 'data-testid': 'hundred-percent' }),
    svg('polyline', { class: 'curve', points: points.join(' '), 'data-testid': 'whale-line',
      'data-points': String(curve.curve.length) }),
  );
  const text = (content, attributes) => { const node = svg('text', attributes); node.textContent = content; return node; };
  chart.append(text('100% of profit', { x: PAD + 2, y: y(100) - 3, class: 'tick' }),
    text('0', { x: PAD - 12, y: y(0) + 3, class: 'tick' }),
    text('accounts, most profitable first →', { x: W - PAD, y: H - 8, class: 'tick', 'text-anchor': 'end' }));
  const label = svg('text', { x: x(curve.peak.accountsPercent), y: y(curve.peak.profitPercent) - 6, class: 'peak',
    'data-testid': 'whale-peak' });
  label.textContent = `${curve.peak.profitPercent}% after ${curve.peak.accountsPercent}%`;
  chart.append(label);
}

const percentOf = (band) => `${band.accounts} (${band.accountsPercent}% of accounts, ${band.profitPercent}% of profit)`;

function render(curve) {
  $('portfolio-reading').textContent = curve.reading;
  draw(curve);
  $('portfolio-bands').textContent = curve.accounts === 0 ? '' : `Profitable ${percentOf(curve.profitable)}; break even`
    + ` ${percentOf(curve.breakEven)}; unprofitable ${percentOf(curve.unprofitable)}. Total profit`
    + ` ${money(curve.totalProfit)} ${curve.reportingCurrency} over ${curve.period}.`;
  $('portfolio-tail').querySelector('tbody').replaceChildren(...(curve.tail.length === 0
    ? [el('tr', {}, el('td', { colspan: '6', text: 'No unprofitable account over this period.' }))]
    : curve.tail.map((r) => el('tr', { 'data-testid': 'tail-account', 'data-account-id': r.accountId,
      'data-suggested': r.suggested },
    el('td', { text: r.rank }),
    el('td', {}, el('a', { href: `/dashboard#account=${r.accountId}`, 'data-testid': 'tail-link', text: r.name || r.accountId })),
    el('td', { text: money(r.revenue) }),
    el('td', { text: money(r.profit) }), el('td', { text: r.marginPercent === null ? '–' : `${r.marginPercent}%` }),
    el('td', { text: r.suggested })))));
  $('portfolio-costs').querySelector('tbody').replaceChildren(...curve.costByActivity.map((c) => el('tr', {
    'data-testid': 'portfolio-cost', 'data-activity': c.activity },
  el('td', { text: c.activity }), el('td', { text: money(c.amount) }),
  el('td', { text: c.units === null ? '–' : c.units }), el('td', { text: c.accounts }))));
}

async function load() {
  const page = $('portfolio');
  page.dataset.state = 'loading';
  try {
    render(await api.get(`/api/v1/portfolio/whale-curve?period=${$('portfolio-period').value}`));
    page.dataset.state = 'loaded';
  } catch (problem) {
    $('portfolio-reading').textContent = `The whale curve cannot be shown: ${problem.message}`;
    page.dataset.state = 'failed';
  }
}

async function main() {
  try {
    await api.signIn();
  } catch (problem) {
    $('portfolio-reading').textContent = `Sign-in failed: ${problem.message}`;
    $('portfolio').dataset.state = 'failed';
    return;
  }
  $('portfolio-period').addEventListener('change', load);
  await load();
}

main();
