import { escapeHtml, renderPage, type Page } from './html.ts';

/**
 * oidc-provider asks for a confirmation before ending the session (a logout link must not be
 * forgeable). The app's Sign out button is that confirmation, so this page submits itself.
 */
export function renderSignOutPage(form: string): Page {
  return renderPage({
    title: 'Signing out of the Rolecall demo',
    body: `<h1>Signing out…</h1>
${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>`,
    script: "document.getElementById('op.logoutForm').submit();",
  });
}

export function renderSignedOutPage(appUrl: string): Page {
  return renderPage({
    title: 'Signed out of the Rolecall demo',
    body: `<h1>You are signed out</h1>
<p>The demo provider has ended your session.</p>
<p><a href="${escapeHtml(appUrl)}">Back to Rolecall</a></p>`,
  });
}
