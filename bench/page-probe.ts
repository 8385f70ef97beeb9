// Runs inside the page (added as an init script, so it is there from the first byte of every
// document): times what the person sees, from the input event's own timestamp to the frame after
// the DOM shows the expected change.

/** What must be on screen for an interaction to count as done. */
export interface Expectation {
  selector: string;
  /** The element's text must contain this. */
  text?: string;
  /** The element (an input) must hold this value. */
  value?: string;
}

export interface Timing {
  /** `timeStamp` of the input event (click or keydown), on the page's performance clock. */
  inputAt: number;
  /** When the DOM first showed the expectation. */
  shownAt: number;
  /** After the frame that shows it was produced (the task after the next animation frame). */
  paintedAt: number;
}

export interface ProbeApi {
  /** Starts timing at the next trusted click or keydown; `result()` resolves when `until` holds. */
  arm(until: Expectation): void;
  result(): Promise<Timing>;
  /** Resolves after the next frame, when nothing is expected to change in the DOM. */
  nextPaint(): Promise<number>;
  /** Filled in on the callback page: when the role list first appeared, from navigation start. */
  callback?: Promise<Omit<Timing, 'inputAt'>>;
}

declare global {
  interface Window {
    __rolecallBench: ProbeApi;
  }
}

export function installProbe(): void {
  performance.setResourceTimingBufferSize(100_000);

  // A task posted from an animation frame callback runs once that frame has been produced.
  const afterThisFrame = () =>
    new Promise<number>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    });
  const afterPaint = () =>
    new Promise<number>((resolve) => requestAnimationFrame(() => resolve(afterThisFrame())));

  const holds = ({ selector, text, value }: Expectation) => {
    const element = document.querySelector(selector);
    if (element === null) return false;
    if (text !== undefined && !(element.textContent ?? '').includes(text)) return false;
    return value === undefined || (element as HTMLInputElement).value === value;
  };

  /**
   * Resolves when `until` first holds (watching DOM changes and every frame) with that time and
   * the time after the frame that shows it.
   */
  const whenShown = (until: Expectation) =>
    new Promise<{ shownAt: number; paintedAt: number }>((resolve) => {
      let done = false;
      const finish = (inFrame: boolean) => {
        if (done || !holds(until)) return;
        done = true;
        observer.disconnect();
        const shownAt = performance.now();
        void (inFrame ? afterThisFrame() : afterPaint()).then((paintedAt) =>
          resolve({ shownAt, paintedAt }),
        );
      };
      const observer = new MutationObserver(() => finish(false));
      observer.observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      const everyFrame = () => {
        finish(true);
        if (!done) requestAnimationFrame(everyFrame);
      };
      requestAnimationFrame(everyFrame);
    });

  let pending: Promise<Timing> | undefined;
  window.__rolecallBench = {
    arm(until) {
      const input = new Promise<number>((resolve) => {
        const onInput = (event: Event) => {
          if (!event.isTrusted) return;
          document.removeEventListener('click', onInput, true);
          document.removeEventListener('keydown', onInput, true);
          resolve(event.timeStamp);
        };
        document.addEventListener('click', onInput, true);
        document.addEventListener('keydown', onInput, true);
      });
      pending = input.then(async (inputAt) => ({ inputAt, ...(await whenShown(until)) }));
    },
    result() {
      if (!pending) return Promise.reject(new Error('arm() was not called'));
      return pending;
    },
    nextPaint: afterPaint,
  };

  if (location.pathname === '/callback') {
    window.__rolecallBench.callback = whenShown({ selector: 'nav[aria-label="Roles"] button' });
  }
}
