import { describe, expect, it } from 'vitest';
import { base64Url, codeChallenge, jwtClaims, randomToken } from '../src/auth/pkce.js';

describe('PKCE', () => {
  it('computes the S256 challenge of the RFC 7636 example (appendix B)', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes URL-safe random tokens without padding, different every time', () => {
    const a = randomToken(48);
    const b = randomToken(48);
    expect(a).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(a).not.toBe(b);
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });

  it('reads the claims of a JWT with URL-safe base64 and UTF-8', () => {
    const payload = base64Url(new TextEncoder().encode(JSON.stringify({ sub: 'a', name: 'Zoë' })));
    expect(jwtClaims(`x.${payload}.y`)).toEqual({ sub: 'a', name: 'Zoë' });
  });
});
