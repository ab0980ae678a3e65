// The REST calls, with the bearer token the page signed in with. A 401 signs the page out.
let token = null;
const signedOutListeners = [];

export class Problem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function onSignedOut(listener) { signedOutListeners.push(listener); }
export function hasToken() { return token !== null; }

export function useToken(value) {
  token = value ? value.trim() : null;
  if (token) sessionStorage.setItem('dashboard.token', token); else sessionStorage.removeItem('dashboard.token');
}

async function readProblem(response) {
  try { return await response.json(); } catch { return { title: response.statusText }; }
}

/** The page's token: one pasted earlier in this tab, else what /dashboard/sign-in gives (local or OIDC). */
export async function signIn() {
  const pasted = sessionStorage.getItem('dashboard.token');
  if (pasted) { token = pasted; return { mode: 'pasted' }; }
  const response = await fetch('/dashboard/sign-in', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Problem(response.status, await readProblem(response));
  const signIn = await response.json();
  token = signIn.token;
  return signIn;
}

async function call(method, path) {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (!response.ok) {
    const problem = new Problem(response.status, await readProblem(response));
    if (response.status === 401) {
      useToken(null);
      signedOutListeners.forEach((listener) => listener(problem));
    }
    throw problem;
  }
  return response.json();
}

export const get = (path) => call('GET', path);
export const post = (path) => call('POST', path);
