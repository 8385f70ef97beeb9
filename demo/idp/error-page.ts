import { escapeHtml, renderPage, type Page } from './html.ts';

export interface ErrorPageOptions {
  /** The OAuth error code, e.g. `invalid_request`, shown for people following the protocol. */
  error: string;
  description: string;
  /** Where "Back to Rolecall" leads: the first app origin. */
  appUrl: string;
}

export function renderErrorPage({ error, description, appUrl }: ErrorPageOptions): Page {
  return renderPage({
    title: 'Rolecall demo sign-in: error',
    body: `<h1>The demo sign-in could not continue</h1>
<p class="alert" role="alert">${escapeHtml(description)}</p>
<p class="muted">Error code: <code>${escapeHtml(error)}</code></p>
<p><a href="${escapeHtml(appUrl)}">Back to Rolecall</a> and sign in again.</p>`,
  });
}
