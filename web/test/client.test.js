import { describe, expect, it } from 'vitest';
import { Api, ApiError, withQuery } from '../src/api/client.js';

/** A session double: the API client's only collaborator besides fetch. */
function session(tokens) {
  const issued = [...tokens];
  return {
    recovered: 0,
    get accessToken() {
      return issued[0] ?? null;
    },
    async recover() {
      this.recovered++;
      issued.shift();
      return true;
    },
  };
}

function respond(status, body, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('Api', () => {
  it('sends the bearer token and the purpose of use, never cookies', async () => {
    const seen = [];
    const api = new Api(session(['t1']), () => 'CASE_REVIEW', {
      fetchFn: async (url, init) => {
        seen.push({ url, init });
        return respond(200, { ok: true });
      },
    });
    expect(await api.get('/api/v1/cases', { status: 'OPEN', cursor: null })).toEqual({ ok: true });
    expect(seen[0].url).toBe('/api/v1/cases?status=OPEN');
    expect(seen[0].init.headers.Authorization).toBe('Bearer t1');
    expect(seen[0].init.headers['X-Purpose-Of-Use']).toBe('CASE_REVIEW');
    expect(seen[0].init.credentials).toBe('omit');
  });

  it('turns a problem into an ApiError with the stable code and named fields', async () => {
    const api = new Api(session(['t1']), () => null, {
      fetchFn: async () =>
        respond(422, { code: 'RULE_VIOLATION', detail: 'The law would not accept this consent', errors: [{ field: 'X', message: 'm' }] }, 'application/problem+json'),
    });
    const error = await api.post('/api/v1/x', {}).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([{ field: 'X', message: 'm' }]);
  });

  it('after a 401 waits for the session to recover and retries once with the new token', async () => {
    const s = session(['old', 'new']);
    const tokens = [];
    const api = new Api(s, () => 'CASE_REVIEW', {
      fetchFn: async (url, init) => {
        tokens.push(init.headers.Authorization);
        return init.headers.Authorization === 'Bearer new' ? respond(201, { id: 'r1' }) : respond(401, { code: 'UNAUTHENTICATED' });
      },
    });
    expect(await api.post('/api/v1/referrals', { a: 1 }, { 'Idempotency-Key': 'k' })).toEqual({ id: 'r1' });
    expect(tokens).toEqual(['Bearer old', 'Bearer new']);
    expect(s.recovered).toBe(1);
  });

  it('does not retry a second time when the retry is refused too', async () => {
    let calls = 0;
    const api = new Api(session(['a', 'b', 'c']), () => null, {
      fetchFn: async () => {
        calls++;
        return respond(401, { code: 'UNAUTHENTICATED' });
      },
    });
    await expect(api.get('/api/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(2);
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/p', { a: '', b: null, c: undefined, d: false, e: 'x y', f: ['1', '2'] })).toBe('/p?e=x+y&f=1&f=2');
    expect(withQuery('/p', {})).toBe('/p');
  });
});
