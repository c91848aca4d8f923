// The dev tenant's login form. It lists the demo users and their password on purpose: it is a
// local stand-in for Auth0's Universal Login, not a place to keep secrets.
import type { Response } from 'express';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo-users';
import { escapeHtml, sendPage } from './html';
import { PAGE_IDS as ids } from './page-ids';

export interface LoginPageOptions {
  tx: string;
  clientId: string;
  username?: string;
  errorMessage?: string;
  /** An OAuth-style code for the message (e.g. `too_many_attempts`), for login-over-http.ts. */
  errorCode?: string;
  /** Where a successful post redirects to (the client's callback origins). */
  formTargets: readonly string[];
}

export function sendLoginPage(res: Response, status: number, options: LoginPageOptions): void {
  const users = DEMO_USERS.map(
    (user) =>
      `<tr><td><code>${escapeHtml(user.email)}</code></td><td>${escapeHtml(user.scopes.join(' ') || '(no API scopes)')}</td></tr>`,
  ).join('\n');
  const error = options.errorMessage
    ? `<p class="error" id="${ids.loginError}" data-error="${escapeHtml(options.errorCode ?? 'access_denied')}" role="alert">${escapeHtml(options.errorMessage)}</p>`
    : '';
  sendPage(res, status, {
    title: 'Log in',
    formTargets: options.formTargets,
    body: `<h1>Log in to ${escapeHtml(options.clientId)}</h1>
${error}
<form method="post" action="/login">
<input type="hidden" name="tx" value="${escapeHtml(options.tx)}">
<label for="${ids.username}">Email</label>
<input id="${ids.username}" name="username" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.username ?? '')}">
<label for="${ids.password}">Password</label>
<input id="${ids.password}" name="password" type="password" autocomplete="current-password" required>
<button id="${ids.loginSubmit}" type="submit">Log in</button>
</form>
<h2 class="note">Demo users (password <code>${escapeHtml(DEMO_PASSWORD)}</code>)</h2>
<table>
<tr><th>Email</th><th>API scopes</th></tr>
${users}
</table>
<p class="note">Embedded dev tenant of the quickstart. Set AUTH0_DOMAIN to use a real Auth0 tenant.</p>`,
  });
}
