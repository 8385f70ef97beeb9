import { escapeHtml, renderPage, type Page } from './html.ts';
import type { DemoUser } from './accounts.ts';

/**
 * RP-Initiated Logout 1.0 §2: the provider must ask the person before ending their session unless
 * the request carries an ID token of that session (`id_token_hint`), which another web page
 * cannot have. Without one, a link such as `/session/end?client_id=rolecall` from any page would
 * sign people out. `form` is oidc-provider's form with its one-time `xsrf` value; the Sign out
 * button submits it.
 * https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export interface SignOutPageOptions {
  form: string;
  /** Who is signed in, when known. */
  person: DemoUser | undefined;
  /** The request named this session's person with its ID token: no need to ask. */
  hintedBySession: boolean;
  /** Where "Stay signed in" leads: the app, which has already forgotten its tokens. */
  appUrl: string;
}

const LOGOUT_FIELD = '<input type="hidden" form="op.logoutForm" name="logout" value="yes">';

export function renderSignOutPage({
  form,
  person,
  hintedBySession,
  appUrl,
}: SignOutPageOptions): Page {
  if (hintedBySession) {
    return renderPage({
      title: 'Signing out of the Rolecall demo',
      body: `<h1>Signing out…</h1>
${form}
${LOGOUT_FIELD}
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>`,
      script: "document.getElementById('op.logoutForm').submit();",
    });
  }
  const who = person
    ? ` as <strong>${escapeHtml(person.claims.name)} (${escapeHtml(person.claims.email)})</strong>`
    : '';
  return renderPage({
    title: 'Sign out of the Rolecall demo?',
    body: `<h1>Sign out of the Rolecall demo?</h1>
<p>You are signed in to the demo provider${who}. Signing out ends that session: Rolecall and any other app will ask you to sign in again.</p>
${form}
${LOGOUT_FIELD}
<p class="actions"><button type="submit" form="op.logoutForm">Sign out</button>
<a href="${escapeHtml(appUrl)}">Stay signed in</a></p>`,
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
