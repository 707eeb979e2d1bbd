// The member's login session with Keycloak: authorization code flow with PKCE against the public
// client (keycloak-realm.json, `mdt-web`). Tokens live in memory only; browser storage holds just
// the short-lived state of a login in progress (state, nonce, code verifier, the screen to return
// to), which carries no case data and is removed when the login completes.
//
// When the session ends (refresh refused: idle or maximum lifetime reached, or logged out
// elsewhere) the page is not left: `expired` listeners are told, the member signs in again in a
// popup window, and whatever they were typing is still on the page. Requests that met the expiry
// wait for the new login and are then retried (see api/client.js).

import { codeChallenge, jwtClaims, randomToken } from './pkce.js';

const PENDING_KEY = 'mdt.login.pending';
// Set while a tab is signed in, so that a reload goes straight back through Keycloak's SSO.
export const SIGNED_IN_FLAG = 'mdt.signed-in';
const POPUP_MESSAGE = 'mdt-login-callback';
// Refresh when this share of the access token's lifetime has passed.
const REFRESH_AT = 0.7;

export class LoginError extends Error {}

export class Session {
  /**
   * @param {{issuer: string, clientId: string}} config from GET /api/v1/client-config
   */
  constructor(config, { win = window, fetchFn = (...a) => fetch(...a) } = {}) {
    this.issuer = config.issuer.replace(/\/$/, '');
    this.clientId = config.clientId;
    this.win = win;
    this.fetchFn = fetchFn;
    this.tokens = null;
    this.claims = null;
    this.expired = false;
    this.listeners = new Set();
    this.waiters = [];
    this.refreshTimer = null;
    this.refreshing = null;
  }

  get authorizationEndpoint() {
    return `${this.issuer}/protocol/openid-connect/auth`;
  }

  get tokenEndpoint() {
    return `${this.issuer}/protocol/openid-connect/token`;
  }

  get logoutEndpoint() {
    return `${this.issuer}/protocol/openid-connect/logout`;
  }

  get origin() {
    return this.win.location.origin;
  }

  /** The bearer token for the next API call, or null when signed out or expired. */
  get accessToken() {
    return this.expired || !this.tokens ? null : this.tokens.access_token;
  }

  /** Display name and username from the ID token (the API's /me gives agency and roles). */
  get user() {
    if (!this.claims) return null;
    return {
      username: this.claims.preferred_username,
      name: this.claims.name ?? this.claims.preferred_username,
      subject: this.claims.sub,
    };
  }

  /** Subscribes to session changes ('signed-in', 'expired', 'renewed'); returns unsubscribe. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event) {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Completes a login when the page is Keycloak's redirect back (code and state in the query),
   * removing them from the address bar. Returns the hash route to show afterwards, or null when
   * this page load is not a login callback.
   */
  async completeRedirectLogin() {
    const params = new URLSearchParams(this.win.location.search);
    if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
    const pending = this.takePending();
    // The query is removed before anything else: the code must not linger in the address bar.
    this.win.history.replaceState(null, '', `${this.win.location.pathname}${pending?.returnTo ?? '#/'}`);
    if (params.has('error')) {
      throw new LoginError(`Keycloak refused the login (${params.get('error')}).`);
    }
    if (!pending || pending.state !== params.get('state')) {
      throw new LoginError('This login response does not belong to a login started here.');
    }
    await this.exchange(params.get('code'), pending);
    this.emit('signed-in');
    return pending.returnTo ?? '#/';
  }

  /** Leaves for Keycloak's login page; comes back to `returnTo` (a hash route). */
  async redirectToLogin(returnTo = this.win.location.hash || '#/') {
    const request = await this.newRequest(`${this.origin}/`, returnTo);
    this.win.location.assign(request.url);
  }

  async newRequest(redirectUri, returnTo) {
    const pending = {
      state: randomToken(),
      nonce: randomToken(),
      verifier: randomToken(48),
      redirectUri,
      returnTo,
    };
    this.win.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const query = new URLSearchParams({
      client_id: this.clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: redirectUri,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await codeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { pending, url: `${this.authorizationEndpoint}?${query}` };
  }

  takePending() {
    const raw = this.win.sessionStorage.getItem(PENDING_KEY);
    this.win.sessionStorage.removeItem(PENDING_KEY);
    try {
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }

  async exchange(code, pending) {
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.verifier,
    });
    const claims = jwtClaims(tokens.id_token);
    if (claims.nonce !== pending.nonce) {
      throw new LoginError('The ID token does not answer this login (nonce mismatch).');
    }
    if (this.claims && claims.sub !== this.claims.sub) {
      // Someone else signed in on this page: what the previous member typed is not theirs.
      throw new LoginError('A different person signed in; the page is reloaded.');
    }
    this.accept(tokens, claims);
  }

  accept(tokens, claims) {
    this.tokens = tokens;
    this.claims = claims ?? this.claims;
    this.expired = false;
    this.scheduleRefresh();
  }

  async tokenRequest(form) {
    const response = await this.fetchFn(this.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.clientId, ...form }),
    });
    if (!response.ok) {
      throw new LoginError(`The token request was refused (HTTP ${response.status}).`);
    }
    return response.json();
  }

  scheduleRefresh() {
    clearTimeout(this.refreshTimer);
    const lifetime = this.tokens.expires_in ?? 300;
    this.refreshTimer = setTimeout(() => this.refresh().catch(() => {}), lifetime * REFRESH_AT * 1000);
  }

  /** Renews the access token with the refresh token; marks the session expired when refused. */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        try {
          if (!this.tokens?.refresh_token) throw new LoginError('No refresh token.');
          const tokens = await this.tokenRequest({
            grant_type: 'refresh_token',
            refresh_token: this.tokens.refresh_token,
          });
          this.accept(tokens, tokens.id_token ? jwtClaims(tokens.id_token) : null);
          return true;
        } catch (e) {
          this.markExpired();
          return false;
        } finally {
          this.refreshing = null;
        }
      })();
    }
    return this.refreshing;
  }

  markExpired() {
    if (this.expired) return;
    clearTimeout(this.refreshTimer);
    this.expired = true;
    this.emit('expired');
  }

  /**
   * Called by the API client on a 401: renews the token if it can, otherwise waits until the
   * member has signed in again. Resolves true when a retry may go ahead.
   */
  async recover() {
    if (!this.expired && (await this.refresh())) return true;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Signs in again in a popup window, keeping this page and its typed work. Must be called from a
   * click (browsers block popups otherwise).
   */
  async signInAgain() {
    const popup = this.win.open('about:blank', 'mdt-login', 'width=520,height=720');
    if (!popup) throw new LoginError('The browser blocked the login window; allow popups for this site.');
    const { pending, url } = await this.newRequest(`${this.origin}/signed-in.html`, this.win.location.hash);
    popup.location.href = url;
    const search = await new Promise((resolve, reject) => {
      const onMessage = (event) => {
        if (event.origin !== this.origin || event.data?.type !== POPUP_MESSAGE) return;
        this.win.removeEventListener('message', onMessage);
        clearInterval(closedCheck);
        resolve(event.data.search);
      };
      const closedCheck = setInterval(() => {
        if (popup.closed) {
          this.win.removeEventListener('message', onMessage);
          clearInterval(closedCheck);
          reject(new LoginError('The login window was closed before the login finished.'));
        }
      }, 500);
      this.win.addEventListener('message', onMessage);
    });
    this.takePending();
    const params = new URLSearchParams(search);
    if (params.get('state') !== pending.state || !params.get('code')) {
      throw new LoginError('The login window did not return a valid login.');
    }
    await this.exchange(params.get('code'), pending);
    this.emit('renewed');
    for (const resolve of this.waiters.splice(0)) resolve(true);
  }

  /** Ends the Keycloak session and comes back to the start page. */
  logout() {
    clearTimeout(this.refreshTimer);
    this.win.sessionStorage.removeItem(SIGNED_IN_FLAG);
    const idToken = this.tokens?.id_token;
    this.tokens = null;
    this.claims = null;
    const query = new URLSearchParams({
      client_id: this.clientId,
      post_logout_redirect_uri: `${this.origin}/`,
    });
    if (idToken) query.set('id_token_hint', idToken);
    this.win.location.assign(`${this.logoutEndpoint}?${query}`);
  }
}

export const LOGIN_CALLBACK_MESSAGE = POPUP_MESSAGE;
