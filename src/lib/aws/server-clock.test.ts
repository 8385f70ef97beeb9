import { describe, expect, it } from 'vitest';
import { clockOffsetFromDateHeader } from './server-clock';

const receivedAt = Date.parse('2026-01-01T12:00:00.300Z');

describe('clockOffsetFromDateHeader', () => {
  it('measures a server clock that is ahead', () => {
    expect(clockOffsetFromDateHeader('Thu, 01 Jan 2026 12:05:00 GMT', receivedAt)).toBe(300_200);
  });

  it('measures a server clock that is behind', () => {
    expect(clockOffsetFromDateHeader('Thu, 01 Jan 2026 11:59:00 GMT', receivedAt)).toBe(-59_800);
  });

  it('treats sub-2-second differences as agreement', () => {
    expect(clockOffsetFromDateHeader('Thu, 01 Jan 2026 12:00:01 GMT', receivedAt)).toBe(0);
  });

  it('gives 0 when the header is missing or unreadable', () => {
    expect(clockOffsetFromDateHeader(undefined, receivedAt)).toBe(0);
    expect(clockOffsetFromDateHeader('yesterday', receivedAt)).toBe(0);
  });
});
