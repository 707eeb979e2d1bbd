import { describe, expect, it } from 'vitest';
import { LoginError, Session } from '../src/auth/session.js';
import { base64Url } from '../src/auth/pkce.js';

class Storage {
  constructor() {
    this.map = new Map();
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}

/** The parts of `window` the session uses. */
function fakeWindow(search = '') {
  const win = {
    location: {
      origin: 'http://127.0.0.1:8080',
      pathname: '/',
      search,
      hash: '#/cases',
      assigned: null,
      assign(url) {
        this.assigned = url;
      },
    },
    history: {
      replaced: null,
      replaceState(_s, _t, url) {
        win.history.replaced = url;
        win.location.search = '';
      },
    },
    sessionStorage: new Storage(),
  };
  return win;
}

function idToken(claims) {
  const part = (o) => base64Url(new TextEncoder().encode(JSON.stringify(o)));
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

const CONFIG = { issuer: 'http://127.0.0.1:8180/realms/mdt', clientId: 'mdt-web' };

async function startLogin(win) {
  const session = new Session(CONFIG, { win });
  await session.redirectToLogin('#/cases/c1');
  const url = new URL(win.location.assigned);
  return { session, url };
}

describe('Session', () => {
  it('asks Keycloak for a code with PKCE S256, state and nonce', async () => {
    const win = fakeWindow();
    const { url } = await startLogin(win);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8180/realms/mdt/protocol/openid-connect/auth');
    expect(url.searchParams.get('client_id')).toBe('mdt-web');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:8080/');
    // The verifier is never sent to the authorization endpoint.
    const pending = JSON.parse(win.sessionStorage.getItem('mdt.login.pending'));
    expect(url.toString()).not.toContain(pending.verifier);
  });

  it('completes the login: exchanges the code with the verifier, keeps tokens in memory only, clears the address bar', async () => {
    const win = fakeWindow();
    const { url } = await startLogin(win);
    const pending = JSON.parse(win.sessionStorage.getItem('mdt.login.pending'));
    win.location.search = `?code=abc&state=${url.searchParams.get('state')}`;
    let form;
    const session = new Session(CONFIG, {
      win,
      fetchFn: async (_u, init) => {
        form = new URLSearchParams(init.body);
        return new Response(
          JSON.stringify({ access_token: 'AT', refresh_token: 'RT', expires_in: 300, id_token: idToken({ sub: 'u1', nonce: pending.nonce }) }),
          { status: 200 },
        );
      },
    });
    expect(await session.completeRedirectLogin()).toBe('#/cases/c1');
    expect(form.get('code_verifier')).toBe(pending.verifier);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(session.accessToken).toBe('AT');
    expect(win.history.replaced).toBe('/#/cases/c1');
    expect(win.sessionStorage.getItem('mdt.login.pending')).toBeNull();
    expect([...win.sessionStorage.map.values()].join()).not.toMatch(/AT|RT/);
    clearTimeout(session.refreshTimer);
  });

  it('refuses a callback whose state it did not issue, without calling the token endpoint', async () => {
    const win = fakeWindow();
    await startLogin(win);
    win.location.search = '?code=abc&state=forged';
    let called = false;
    const session = new Session(CONFIG, { win, fetchFn: async () => (called = true) });
    await expect(session.completeRedirectLogin()).rejects.toBeInstanceOf(LoginError);
    expect(called).toBe(false);
    expect(session.accessToken).toBeNull();
  });

  it('refuses an ID token whose nonce does not answer the login', async () => {
    const win = fakeWindow();
    const { url } = await startLogin(win);
    win.location.search = `?code=abc&state=${url.searchParams.get('state')}`;
    const session = new Session(CONFIG, {
      win,
      fetchFn: async () => new Response(JSON.stringify({ access_token: 'AT', id_token: idToken({ sub: 'u1', nonce: 'other' }) })),
    });
    await expect(session.completeRedirectLogin()).rejects.toThrow(/nonce/);
    expect(session.accessToken).toBeNull();
  });

  it('marks the session expired when the refresh is refused, and tells its listeners', async () => {
    const session = new Session(CONFIG, {
      win: fakeWindow(),
      fetchFn: async () => new Response('{"error":"invalid_grant"}', { status: 400 }),
    });
    session.accept({ access_token: 'AT', refresh_token: 'RT', expires_in: 300 }, { sub: 'u1' });
    const events = [];
    session.subscribe((e) => events.push(e));
    expect(await session.refresh()).toBe(false);
    expect(session.accessToken).toBeNull();
    expect(events).toEqual(['expired']);
  });
});
