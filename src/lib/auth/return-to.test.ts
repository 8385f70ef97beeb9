import { describe, expect, it } from 'vitest';
import { currentReturnTo, safeReturnTo } from './return-to';

describe('currentReturnTo', () => {
  it('keeps the deep-link query', () => {
    expect(
      currentReturnTo(
        { pathname: '/', search: '?account=111111111111&role=Developer', hash: '' },
        '/callback',
      ),
    ).toBe('/?account=111111111111&role=Developer');
  });

  it('never returns to the callback itself', () => {
    expect(
      currentReturnTo({ pathname: '/callback', search: '?code=x', hash: '' }, '/callback'),
    ).toBe('/');
  });
});

describe('safeReturnTo', () => {
  it('accepts a local path', () => {
    expect(safeReturnTo({ returnTo: '/?role=Admin' })).toBe('/?role=Admin');
  });

  it.each([
    undefined,
    null,
    'x',
    {},
    { returnTo: 'https://evil.example/' },
    { returnTo: '//evil.example' },
    { returnTo: '/\\evil.example' },
    { returnTo: 42 },
  ])('falls back to "/" for %j', (state) => {
    expect(safeReturnTo(state)).toBe('/');
  });
});
