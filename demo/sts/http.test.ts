import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { headerMap, isLoopback } from './http.ts';

const from = (remoteAddress: string) =>
  ({ socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('isLoopback', () => {
  it('accepts IPv4 and IPv6 loopback only', () => {
    expect(isLoopback(from('127.0.0.1'))).toBe(true);
    expect(isLoopback(from('::1'))).toBe(true);
    expect(isLoopback(from('::ffff:127.0.0.1'))).toBe(true);
    expect(isLoopback(from('10.0.0.5'))).toBe(false);
    expect(isLoopback(from('192.168.1.20'))).toBe(false);
  });
});

describe('headerMap', () => {
  it('lower-cases names and keeps repeated values in order', () => {
    expect(headerMap(['Host', 'a', 'X-Amz-Date', 'd', 'x-custom', '1', 'X-Custom', '2'])).toEqual(
      new Map([
        ['host', ['a']],
        ['x-amz-date', ['d']],
        ['x-custom', ['1', '2']],
      ]),
    );
  });
});
