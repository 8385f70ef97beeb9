import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useIdle } from '../../hooks/use-idle';
import { SecretField } from './secret-field';
import { SecretsLockProvider } from './secrets-lock';

function LockedAfterAMinute() {
  const idle = useIdle(1);
  return (
    <SecretsLockProvider generation={idle.periods}>
      <SecretField label="Secret access key" value="wJalrXUtnFEMI" />
    </SecretsLockProvider>
  );
}

afterEach(() => vi.useRealTimers());

describe('the idle lock', () => {
  it('masks a revealed secret again after a minute without input', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<LockedAfterAMinute />);
    fireEvent.click(screen.getByRole('button', { name: 'Reveal Secret access key' }));
    expect(screen.getByText('wJalrXUtnFEMI')).toBeVisible();

    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(screen.getByText('wJalrXUtnFEMI')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(30_000));

    expect(screen.queryByText('wJalrXUtnFEMI')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal Secret access key' }));
    expect(screen.getByText('wJalrXUtnFEMI')).toBeVisible();
  });

  it('counts input as activity', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<LockedAfterAMinute />);
    fireEvent.click(screen.getByRole('button', { name: 'Reveal Secret access key' }));
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    fireEvent.keyDown(window, { key: 'Shift' });
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    expect(screen.getByText('wJalrXUtnFEMI')).toBeVisible();
  });
});
