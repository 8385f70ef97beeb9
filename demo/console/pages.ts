import { escapeHtml, renderPage, type Page } from '../idp/html.ts';
import type { ConsoleSession } from './console-sessions.ts';

/**
 * The demo "AWS console": one plain page that says it is a demo and shows what a console sign-in
 * carried (who, where to, which region, until when), plus the pages around it.
 */
const DEMO_NOTE = `<p><strong>This is Rolecall's demo, not the AWS Management Console.</strong>
It runs on this machine, reaches no AWS service, and shows what a console sign-in carries.</p>`;

/** ARNs and URLs break after their separators on a phone instead of running off the screen. */
function breakable(text: string): string {
  return text
    .split(/(?<=[/?&:=])/)
    .map(escapeHtml)
    .join('<wbr>');
}

function formatTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function timeElement(epochMs: number): string {
  return `<time datetime="${new Date(epochMs).toISOString()}">${formatTime(epochMs)}</time>`;
}

function fromNow(epochMs: number, now: number): string {
  const minutes = Math.round((epochMs - now) / 60_000);
  if (minutes < 1) return 'in less than a minute';
  return minutes < 120
    ? `in about ${minutes} minutes`
    : `in about ${Math.round(minutes / 60)} hours`;
}

function sessionEndNote(session: ConsoleSession): string {
  return session.sessionDurationSeconds === undefined
    ? 'when the role session’s credentials expire (no SessionDuration was asked for)'
    : `after the SessionDuration asked for (${session.sessionDurationSeconds} seconds)`;
}

function backLink(issuer: string | undefined, text: string): string {
  return issuer ? `<p><a href="${escapeHtml(issuer)}">${escapeHtml(text)}</a></p>` : '';
}

const regionOf = (destination: string) =>
  URL.parse(destination)?.searchParams.get('region') ?? 'none given';

export function renderConsolePage(session: ConsoleSession, now: number): Page {
  const { identity, destination, consoleEndsAt } = session;
  return renderPage({
    title: 'Demo AWS console (Rolecall demo)',
    body: `<h1>Demo AWS console</h1>
${DEMO_NOTE}
<dl aria-label="Console session">
  <dt>Signed in as</dt>
  <dd><code>${breakable(identity.arn)}</code></dd>
  <dt>Account</dt>
  <dd>${escapeHtml(identity.account)}</dd>
  <dt>Destination</dt>
  <dd><code>${breakable(destination)}</code></dd>
  <dt>Region</dt>
  <dd>${escapeHtml(regionOf(destination))}</dd>
  <dt>Console session ends</dt>
  <dd>${timeElement(consoleEndsAt)}, ${fromNow(consoleEndsAt, now)}: ${sessionEndNote(session)}</dd>
  <dt>Signed in</dt>
  <dd>${timeElement(session.signedInAt)}</dd>
</dl>
${backLink(session.issuer, 'Back to Rolecall')}
<form method="post" action="/logout">
  <button type="submit" class="secondary">Sign out of the demo console</button>
</form>`,
  });
}

export function renderEndedPage(session: ConsoleSession): Page {
  return renderPage({
    title: 'Demo AWS console: session ended',
    body: `<h1>Your demo console session has ended</h1>
${DEMO_NOTE}
<p>The console session of <code>${breakable(session.identity.arn)}</code> ended at
${timeElement(session.consoleEndsAt)}.</p>
${backLink(session.issuer, 'Sign in again from Rolecall')}`,
  });
}

export function renderSignedOutPage(issuer: string | undefined): Page {
  return renderPage({
    title: 'Demo AWS console: signed out',
    body: `<h1>You signed out of the demo console</h1>
${DEMO_NOTE}
${backLink(issuer, 'Back to Rolecall')}`,
  });
}

export function renderNotSignedInPage(): Page {
  return renderPage({
    title: 'Demo AWS console: not signed in',
    body: `<h1>You are not signed in to the demo console</h1>
${DEMO_NOTE}
<p>Open it from Rolecall: choose <strong>Open console</strong> on one of your sessions.</p>`,
  });
}

export function renderSigninFailedPage(reason: string, issuer: string | undefined): Page {
  return renderPage({
    title: 'Demo AWS console: sign-in failed',
    body: `<h1>The console sign-in link did not work</h1>
${DEMO_NOTE}
<p class="alert" role="alert">${escapeHtml(reason)}</p>
<p>Open the console from Rolecall again to get a fresh link.</p>
${backLink(issuer, 'Back to Rolecall')}`,
  });
}
