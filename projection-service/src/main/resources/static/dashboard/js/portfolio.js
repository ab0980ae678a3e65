// The portfolio's profitability (issue 29): the whale curve drawn as SVG, its reading, the unprofitable
// tail with the decision the service suggests for each, and what serving the portfolio cost by activity;
// and its value tiers (issue 30): the tier pyramid and each owner's accounts per tier.
import * as api from './api.js';
import { el, instant } from './format.js';

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

const TIERS = ['MVC', 'MGC', 'MIGRATOR', 'BZ'];

/** The tiers as a pyramid (MVC on top, each level as wide as its share of the ranked clients) and per owner. */
function renderTiers(portfolio) {
  const widest = Math.max(1, ...portfolio.tiers.map((t) => t.accounts));
  $('tier-pyramid').replaceChildren(...portfolio.tiers.map((t) => {
    const level = el('div', { class: 'level', 'data-testid': 'tier-level', 'data-tier': t.tier,
      'data-accounts': String(t.accounts), title: `${t.treatment.meaning}. Contact ${t.treatment.contactFrequency}.` },
    el('strong', { text: `${t.tier}: ${t.accounts} (${t.accountsPercent}%)` }),
    el('small', { text: `revenue ${money(t.revenue)}, profit ${money(t.profit)} ${portfolio.reportingCurrency}`
      + (t.belowZero ? `; ${t.belowZero} lost money` : '') }));
    // Set through the CSSOM: the page's Content-Security-Policy refuses style attributes.
    level.style.width = `${Math.max(12, Math.round((t.accounts / widest) * 100))}%`;
    return level;
  }));
  $('tiers-ranked').textContent = `${portfolio.ranked} clients ranked at ${instant(portfolio.at)} in ${portfolio.rankedInMillis} ms;`
    + ` tiers cut at ${portfolio.tierCuts.join(', ')}% from the top.`;
  $('tier-owners').querySelector('tbody').replaceChildren(...portfolio.owners.map((o) => el('tr', {
    'data-testid': 'tier-owner', 'data-owner': o.owner || '', class: o.overloaded.length ? 'overloaded' : null },
  el('td', { text: o.owner || 'nobody' }),
  ...TIERS.map((tier) => el('td', { text: String(o.accounts[tier] || 0) })),
  el('td', { text: o.overloaded.join(' ') || '–' }))));
  $('portfolio-tiers').dataset.state = 'loaded';
}

async function loadTiers() {
  try {
    renderTiers(await api.get('/api/v1/portfolio/tiers'));
  } catch (problem) {
    $('tiers-ranked').textContent = `The tiers cannot be shown: ${problem.message}`;
    $('portfolio-tiers').dataset.state = 'failed';
  }
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
  await Promise.all([load(), loadTiers()]);
}

main();
