import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

/**
 * A user-event session with a clipboard whose writes the test can read. Installed after
 * userEvent.setup(), which puts a clipboard of its own on navigator.
 */
export function setupWithClipboard() {
  const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
  const user = userEvent.setup();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return { user, writeText };
}
