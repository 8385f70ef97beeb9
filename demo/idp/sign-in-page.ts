import type { DemoUser } from './accounts.ts';
import { escapeHtml, renderPage, type Page } from './html.ts';

export interface SignInPageOptions {
  users: DemoUser[];
  /** Where the forms post: `${loginAction}` signs in, `${abortAction}` cancels. */
  loginAction: string;
  abortAction: string;
  clientName: string;
  error?: string;
}

function userCard(user: DemoUser, index: number, loginAction: string): string {
  const username = escapeHtml(user.username);
  const descriptionId = `user-${index}-description`;
  return `<li class="user">
  <h2>${escapeHtml(user.claims.name)}</h2>
  <p class="muted">${escapeHtml(user.claims.email)}</p>
  <p id="${descriptionId}">${escapeHtml(user.description)}</p>
  <form method="post" action="${escapeHtml(loginAction)}">
    <input type="hidden" name="username" value="${username}">
    <button type="submit" aria-describedby="${descriptionId}">Sign in as ${username}</button>
  </form>
</li>`;
}

export function renderSignInPage(options: SignInPageOptions): Page {
  const { users, loginAction, abortAction, clientName, error } = options;
  const alert = error ? `<p class="alert" role="alert">${escapeHtml(error)}</p>` : '';
  return renderPage({
    title: 'Rolecall demo sign-in',
    body: `<h1>Rolecall demo sign-in</h1>
<p>This is a local demo identity provider: no passwords, pick a demo user to sign in to
${escapeHtml(clientName)}.</p>
${alert}
<ul class="users" aria-label="Demo users">
${users.map((user, index) => userCard(user, index, loginAction)).join('\n')}
</ul>
<form method="post" action="${escapeHtml(abortAction)}">
  <button type="submit" class="secondary">Cancel</button>
</form>`,
  });
}
