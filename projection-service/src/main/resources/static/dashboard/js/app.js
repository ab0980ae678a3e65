// The dashboard: the shell is drawn at once, then it signs in, opens its stream and fetches its
// snapshots. Changes arrive over the stream; a resync (or a reconnect) fetches the snapshots again.
import * as api from './api.js';
import * as funnel from './funnel.js';
import * as watchList from './watchlist.js';
import * as account from './account.js';
import * as feed from './feed.js';
import * as stream from './stream.js';

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
let selected = null;

function signedOut(reason, login) {
  stream.stop();
  const connection = $('connection');
  connection.dataset.state = 'signed-out';
  connection.querySelector('.label').textContent = 'signed out';
  $('sign-in').hidden = false;
  $('sign-in-reason').textContent = reason;
  const link = document.querySelector('.sign-in .login');
  link.hidden = !login;
  if (login) $('sign-in-login').href = login;
}

async function snapshots() {
  const [counts] = await Promise.all([funnel.refresh(), watchList.refresh()]);
  $('as-of').textContent = counts.asOf;
}

async function select(accountId) {
  selected = accountId;
  history.replaceState(null, '', `#account=${accountId}`);
  await account.open(accountId);
}

async function main() {
  $('page-marker').textContent = Math.random().toString(36).slice(2);
  funnel.renderShell();
  watchList.renderShell((id) => select(id).catch(report));
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    api.useToken(event.target.elements.token.value);
    $('sign-in').hidden = true;
    begin().catch(report);
  });
  api.onSignedOut((problem) => signedOut(problem.message, null));
  try {
    await api.signIn();
  } catch (problem) {
    signedOut(problem.message, problem.problem && problem.problem.login);
    return;
  }
  await begin();
}

async function begin() {
  stream.start({
    live: () => snapshots().catch(report),
    status: (status) => {
      feed.status(status);
      watchList.changed();
      if (selected === status.accountId) account.open(selected).catch(report);
    },
    churnBand: (change) => { feed.churnBand(change); watchList.changed(); },
    funnel: (counts) => { funnel.ticked(counts); $('as-of').textContent = counts.asOf; },
    resync: () => snapshots().catch(report),
  });
  window.addEventListener('hashchange', () => openFromUrl().catch(report));
  await openFromUrl();
}

/** #account=<id> opens that account: a link to it can be shared. */
async function openFromUrl() {
  const fromUrl = /#account=([0-9a-f-]{36})/.exec(location.hash);
  if (fromUrl && fromUrl[1] !== selected) await select(fromUrl[1]);
}

function report(error) {
  if (error && error.status === 401) return; // already shown as signed out
  console.warn('dashboard:', error && error.message ? error.message : error);
}

main().catch(report);
