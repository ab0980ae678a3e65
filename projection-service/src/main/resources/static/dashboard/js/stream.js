// The tab's one stream of changes. EventSource cannot send a token, so each connection starts with
// a single-use ticket; and since its own reconnect would reuse that spent ticket, the page
// reconnects itself, with a new ticket and the id of the last change it saw (lastEventId), so the
// server replays what it missed, or says resync when that is no longer kept.
import * as api from './api.js';

const RETRY_MS = 1500;
let source = null;
let lastEventId = null;
let handlers = null;
let retryTimer = null;

function setState(state) {
  const badge = document.querySelector('[data-testid="connection"]');
  badge.dataset.state = state;
  badge.querySelector('.label').textContent = state;
}

function listen(name, handle) {
  source.addEventListener(name, (event) => {
    if (event.lastEventId) lastEventId = event.lastEventId;
    handle(JSON.parse(event.data));
  });
}

export function start(on) {
  handlers = on;
  connect();
}

async function connect() {
  retryTimer = null;
  setState(lastEventId ? 'reconnecting' : 'connecting');
  let ticket;
  try {
    ticket = await api.post('/api/v1/dashboard/stream-tickets');
  } catch (problem) {
    if (problem.status === 401) { setState('signed-out'); return; }
    retry();
    return;
  }
  const url = lastEventId ? `${ticket.stream}&lastEventId=${encodeURIComponent(lastEventId)}` : ticket.stream;
  source = new EventSource(url);
  const opened = source;
  source.onopen = () => { setState('live'); handlers.live(); };
  source.onerror = () => {
    opened.close();
    if (source === opened) retry();
  };
  listen('account-status', handlers.status);
  listen('churn-band', handlers.churnBand);
  listen('funnel-tick', handlers.funnel);
  listen('resync', (why) => handlers.resync(why));
}

function retry() {
  setState('reconnecting');
  if (!retryTimer) retryTimer = setTimeout(connect, RETRY_MS);
}

export function stop() {
  if (source) source.close();
  source = null;
}
