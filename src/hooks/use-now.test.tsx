import { act, render, screen } from '@testing-library/react';
import { useCallback, useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useHasPassed, useNow, useNowInBackground, useTickingText } from './use-now';

function Clock({ label }: { label: string }) {
  const now = useNow();
  return <p>{`${label}: ${new Date(now).toISOString()}`}</p>;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setHidden(false);
});

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

function BackgroundClock() {
  const now = useNowInBackground();
  return <p>{`background: ${new Date(now).toISOString()}`}</p>;
}

describe('useNowInBackground', () => {
  it('keeps ticking every 15 seconds while the tab is hidden, on the same single timer', () => {
    const { unmount } = render(
      <>
        <Clock label="a" />
        <BackgroundClock />
      </>,
    );
    act(() => setHidden(true));
    expect(vi.getTimerCount()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(15_000);
    });
    expect(screen.getByText('background: 2026-01-01T00:00:15.000Z')).toBeInTheDocument();
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('useNow', () => {
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

  it('rests while the tab is hidden and catches up as soon as it is shown', () => {
    render(<Clock label="a" />);
    act(() => setHidden(true));
    expect(vi.getTimerCount()).toBe(0);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.getByText('a: 2026-01-01T00:00:00.000Z')).toBeInTheDocument();

    act(() => setHidden(false));

    expect(screen.getByText('a: 2026-01-01T00:00:05.000Z')).toBeInTheDocument();
    expect(vi.getTimerCount()).toBe(1);
  });
});

function ExpiredFlag({ at, onRender }: { at: number; onRender: () => void }) {
  onRender();
  return <p>{useHasPassed(at) ? 'expired' : 'valid'}</p>;
}

describe('useHasPassed', () => {
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

const START = Date.UTC(2026, 0, 1);

/** Whole seconds since the tests' start time. */
function Seconds({ onRender }: { onRender: () => void }) {
  onRender();
  const ref = useRef<HTMLSpanElement>(null);
  const textAt = useCallback((now: number) => String((now - START) / 1000), []);
  useTickingText(ref, textAt);
  return <span data-testid="seconds" ref={ref} />;
}

/** Captures the one IntersectionObserver, so a test can move elements on and off screen. */
function fakeIntersectionObserver() {
  const screen: { show: (target: Element, visible: boolean) => void } = { show: () => undefined };
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
        screen.show = (target, visible) => callback([{ target, isIntersecting: visible }]);
      }
      observe() {}
      unobserve() {}
    },
  );
  return screen;
}

describe('useTickingText', () => {
  it('rewrites only its own text node each second: nothing re-renders, no attribute changes', () => {
    const onRender = vi.fn();
    render(<Seconds onRender={onRender} />);
    const element = screen.getByTestId('seconds');
    const textNode = element.firstChild;
    const renders = onRender.mock.calls.length;
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });

    act(() => {
      vi.advanceTimersByTime(2000);
    });
    changes.push(...observer.takeRecords());

    expect(element).toHaveTextContent('2');
    expect(element.firstChild).toBe(textNode);
    expect(changes.map((change) => change.type)).toEqual(['characterData', 'characterData']);
    expect(onRender.mock.calls.length).toBe(renders);
  });

  it('is exactly as wide as its text, and resized only when the number of characters changes', () => {
    render(<Seconds onRender={() => undefined} />);
    const element = screen.getByTestId('seconds');
    expect(element.style.width).toBe('1ch');
    act(() => {
      vi.advanceTimersByTime(9000);
    });
    expect(element.style.width).toBe('1ch');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(element).toHaveTextContent('10');
    expect(element.style.width).toBe('2ch');
  });

  it('writes nothing while off screen, and catches up when scrolled back into view', () => {
    const viewport = fakeIntersectionObserver();
    render(<Seconds onRender={() => undefined} />);
    const element = screen.getByTestId('seconds');
    act(() => viewport.show(element, false));
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(element).toHaveTextContent('0');

    act(() => viewport.show(element, true));

    expect(element).toHaveTextContent('3');
  });
});
