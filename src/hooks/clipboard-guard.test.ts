import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearCopiedSecret,
  clipboardGuard,
  copySecret,
  setClipboardClearDelay,
} from './clipboard-guard';

let clipboard: string;
let writable: boolean;
let readPermission: PermissionState;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  clipboard = '';
  writable = true;
  readPermission = 'prompt';
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: vi.fn(async (text: string) => {
        if (!writable) throw new DOMException('Document is not focused.', 'NotAllowedError');
        clipboard = text;
      }),
      readText: vi.fn(async () => clipboard),
    },
  });
  Object.defineProperty(navigator, 'permissions', {
    configurable: true,
    value: { query: async () => ({ state: readPermission }) },
  });
  setClipboardClearDelay(60);
});

afterEach(async () => {
  writable = true;
  await clearCopiedSecret();
  vi.useRealTimers();
});

describe('the clipboard guard', () => {
  it('clears a copied secret after the delay', async () => {
    await copySecret('wJalrXUtnFEMI/K7MDENG');
    expect(clipboard).toBe('wJalrXUtnFEMI/K7MDENG');
    expect(clipboardGuard.get()).toMatchObject({ kind: 'armed' });

    await vi.advanceTimersByTimeAsync(60_000);

    expect(clipboard).toBe('');
    expect(clipboardGuard.get()).toEqual({ kind: 'clear' });
  });

  it('clears it at once when asked (sign-out)', async () => {
    await copySecret('secret');
    await clearCopiedSecret();
    expect(clipboard).toBe('');
  });

  it('leaves what the person copied since, where the browser lets it look', async () => {
    readPermission = 'granted';
    await copySecret('secret');
    clipboard = 'my own notes';
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard).toBe('my own notes');
  });

  it('says when the browser refused to clear it, and tries again when the tab has focus', async () => {
    await copySecret('secret');
    writable = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clipboard).toBe('secret');
    expect(clipboardGuard.get()).toEqual({ kind: 'could-not-clear' });

    writable = true;
    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(clipboard).toBe(''));
    expect(clipboardGuard.get()).toEqual({ kind: 'clear' });
  });

  it('leaves the clipboard alone when the config turns clearing off', async () => {
    setClipboardClearDelay(0);
    await copySecret('secret');
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(clipboard).toBe('secret');
  });
});
