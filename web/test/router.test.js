import { describe, expect, it } from 'vitest';
import { match, resolve } from '../src/app/router.js';

describe('router', () => {
  it('matches patterns with parameters and ignores the query part', () => {
    expect(match('/cases/:id', '/cases/abc')).toEqual({ id: 'abc' });
    expect(match('/subjects/:id/consents', '/subjects/s1/consents?case=c1')).toEqual({ id: 's1' });
    expect(match('/cases/:id', '/cases')).toBeNull();
    expect(match('/cases/:id', '/referrals/abc')).toBeNull();
  });

  it('resolves the first matching route, so fixed paths win over parameters listed after them', () => {
    const routes = [
      ['/referrals/new', 'New'],
      ['/referrals/:id', 'Detail'],
    ];
    expect(resolve(routes, '/referrals/new').component).toBe('New');
    expect(resolve(routes, '/referrals/r1')).toEqual({ component: 'Detail', params: { id: 'r1' } });
    expect(resolve(routes, '/nowhere')).toBeNull();
  });
});
