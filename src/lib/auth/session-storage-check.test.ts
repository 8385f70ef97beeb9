import { describe, expect, it } from 'vitest';
import { sessionStorageUsable } from './session-storage-check';

describe('sessionStorageUsable', () => {
  it('is true where the tab may store its sign-in request, and leaves nothing behind', () => {
    expect(sessionStorageUsable()).toBe(true);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('is false when reading sessionStorage throws (storage blocked, a foreign frame)', () => {
    const blocked = Object.defineProperty({}, 'sessionStorage', {
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    }) as Pick<Window, 'sessionStorage'>;
    expect(sessionStorageUsable(blocked)).toBe(false);
  });

  it('is false when writing is refused (a quota of zero)', () => {
    const full = {
      sessionStorage: {
        setItem: () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        },
      },
    } as unknown as Pick<Window, 'sessionStorage'>;
    expect(sessionStorageUsable(full)).toBe(false);
  });
});
