import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useHasPassed, useNow } from './use-now';

function Clock({ label }: { label: string }) {
  const now = useNow();
  return <p>{`${label}: ${new Date(now).toISOString()}`}</p>;
}

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every second with one timer shared by every watcher', () => {
    const { unmount } = render(
      <>
        <Clock label="a" />
        <Clock label="b" />
      </>,
    );
    expect(vi.getTimerCount()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(screen.getByText('a: 2026-01-01T00:00:03.000Z')).toBeInTheDocument();
    expect(screen.getByText('b: 2026-01-01T00:00:03.000Z')).toBeInTheDocument();
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

function ExpiredFlag({ at, onRender }: { at: number; onRender: () => void }) {
  onRender();
  return <p>{useHasPassed(at) ? 'expired' : 'valid'}</p>;
}

describe('useHasPassed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flips once the time has passed, without re-rendering on every tick', () => {
    const onRender = vi.fn();
    render(<ExpiredFlag at={Date.now() + 3000} onRender={onRender} />);
    expect(screen.getByText('valid')).toBeInTheDocument();
    const rendersBefore = onRender.mock.calls.length;
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(onRender.mock.calls.length).toBe(rendersBefore);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByText('expired')).toBeInTheDocument();
  });
});
