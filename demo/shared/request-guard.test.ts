import { describe, expect, it } from 'vitest';
import { allowedHostsFromEnv, hostName, requestPath } from './request-guard.ts';

describe('hostName', () => {
  it('takes the name from a Host header: lower case, no port, no trailing dot', () => {
    expect(hostName('LocalHost.:5190')).toBe('localhost');
    expect(hostName('127.0.0.1:5180')).toBe('127.0.0.1');
    expect(hostName('[::1]:5190')).toBe('[::1]');
    expect(hostName('classroom.lan')).toBe('classroom.lan');
  });

  it('refuses what is no host: userinfo, paths, spaces, nothing', () => {
    for (const header of ['evil.example@localhost', 'localhost/x', 'local host', '', undefined]) {
      expect(hostName(header), String(header)).toBeUndefined();
    }
  });
});

describe('DEMO_ALLOWED_HOSTS', () => {
  it('lists the names given, comma-separated', () => {
    expect(allowedHostsFromEnv({ DEMO_ALLOWED_HOSTS: 'classroom.lan, 10.0.0.5' })).toEqual([
      'classroom.lan',
      '10.0.0.5',
    ]);
    expect(allowedHostsFromEnv({})).toEqual([]);
  });
});

describe('requestPath', () => {
  it('reads a path with its query', () => {
    expect(requestPath('/jwks?x=1')?.pathname).toBe('/jwks');
    expect(requestPath(undefined)?.pathname).toBe('/');
  });

  it('refuses what is no path: no URL, another host, a scheme-relative target', () => {
    for (const target of [
      'http://[/',
      '//',
      'http://evil.example/jwks',
      '//evil.example/jwks',
      '*',
      // URL parsing reads `\` as `/` and drops tabs and newlines: each of these names evil.example.
      '/\\evil.example/jwks',
      '/\t/evil.example/x',
      '/\n/evil.example/x',
      '/\r\\evil.example/x',
    ]) {
      expect(requestPath(target), target).toBeNull();
    }
  });
});
