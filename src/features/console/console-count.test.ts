import { describe, expect, it } from 'vitest';
import { createConsoleCounter, MAX_CONSOLE_SESSIONS } from './console-count';

describe('console counter', () => {
  it('warns before a sixth identity, never for one already open', () => {
    const counter = createConsoleCounter();
    for (let i = 0; i < MAX_CONSOLE_SESSIONS; i += 1) {
      expect(counter.wouldExceed(`arn:${i}`)).toBe(false);
      counter.record(`arn:${i}`);
    }
    expect(counter.count()).toBe(5);
    expect(counter.wouldExceed('arn:0')).toBe(false);
    expect(counter.wouldExceed('arn:new')).toBe(true);
  });
});
