// The one way the web client talks to the service: its public REST API with the member's bearer
// token and the purpose of use chosen for this session (header X-Purpose-Of-Use), like any other
// client. Problems (RFC 9457) become ApiError with the service's stable code. A 401 waits for the
// session to recover (token renewed, or the member signs in again in a popup) and retries once, so
// a form being submitted when the session ended is not lost.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The service answered HTTP ${status}.`);
    this.status = status;
    this.code = problem?.code ?? `HTTP_${status}`;
    this.title = problem?.title ?? '';
    this.errors = problem?.errors ?? [];
    this.requestId = problem?.requestId ?? '';
  }
}

export class Api {
  /**
   * @param {import('../auth/session.js').Session} session
   * @param {() => string|null} purpose the purpose of use chosen for this session
   */
  constructor(session, purpose, { fetchFn = (...a) => fetch(...a) } = {}) {
    this.session = session;
    this.purpose = purpose;
    this.fetchFn = fetchFn;
  }

  get(path, query) {
    return this.request('GET', path, { query });
  }

  post(path, body, headers) {
    return this.request('POST', path, { body, headers });
  }

  put(path, body) {
    return this.request('PUT', path, { body });
  }

  /** Sends a request; resolves with the parsed JSON body (or null for 204). */
  async request(method, path, { query, body, headers = {}, accept = 'application/json' } = {}) {
    const response = await this.send(method, path, { query, body, headers, accept });
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') ?? '';
    return type.includes('json') ? response.json() : response.text();
  }

  /** Fetches a file (an export, a manifest) as a Blob, with the same authorisation. */
  async blob(path, accept = '*/*') {
    const response = await this.send('GET', path, { accept });
    return response.blob();
  }

  async send(method, path, { query, body, headers, accept }, retried = false) {
    const token = this.session.accessToken;
    if (!token && !retried) {
      await this.session.recover();
      return this.send(method, path, { query, body, headers, accept }, true);
    }
    const requestHeaders = { Accept: `${accept}, application/problem+json`, ...headers };
    if (token) requestHeaders.Authorization = `Bearer ${token}`;
    const purpose = this.purpose();
    if (purpose) requestHeaders['X-Purpose-Of-Use'] = purpose;
    if (body !== undefined) requestHeaders['Content-Type'] = 'application/json';
    const response = await this.fetchFn(withQuery(path, query), {
      method,
      headers: requestHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.status === 401 && !retried) {
      await this.session.recover();
      return this.send(method, path, { query, body, headers, accept }, true);
    }
    if (!response.ok) {
      let problem = null;
      try {
        problem = await response.json();
      } catch {
        problem = null;
      }
      throw new ApiError(response.status, problem);
    }
    return response;
  }
}

/** Appends the defined, non-empty query parameters to a path. */
export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A fresh Idempotency-Key for one logical write (kept by the form across retries). */
export function idempotencyKey() {
  return crypto.randomUUID();
}
