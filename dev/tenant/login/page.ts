// The dev tenant's login form. It lists the tenant file's users and their password on purpose:
// it is a local stand-in for Auth0's Universal Login, not a place to keep secrets.
import type { Response } from 'express';
import type { TenantUser } from '../model/tenant-model';
import { DEFAULT_USER_PASSWORD } from '../model/tenant-users';
import { escapeHtml, sendPage } from '../shared/html';
import { PAGE_IDS as ids } from '../shared/page-ids';

/** A tenant mirrored from a real one may have many users; the page lists the first ones. */
const LISTED_USERS = 50;

export interface LoginPageOptions {
  tx: string;
  /** The application the user logs in to (its name in the tenant file). */
  clientName: string;
  users: readonly TenantUser[];
  username?: string;
  errorMessage?: string;
  /** An OAuth-style code for the message (e.g. `too_many_attempts`), for dev/tenant-client/log-in.ts. */
  errorCode?: string;
  /** Where a successful post redirects to (the client's callback origins). */
  formTargets: readonly string[];
}

function usersTable(users: readonly TenantUser[]): string {
  const ownPasswords = users.some((user) => user.password !== DEFAULT_USER_PASSWORD);
  const rows = users.slice(0, LISTED_USERS).map((user) => {
    const password = ownPasswords ? `<td><code>${escapeHtml(user.password)}</code></td>` : '';
    return `<tr><td><code>${escapeHtml(user.email)}</code></td><td>${escapeHtml(user.roles.join(', ') || '(none)')}</td>${password}</tr>`;
  });
  const more =
    users.length > LISTED_USERS
      ? `<p class="note">and ${users.length - LISTED_USERS} more in the tenant file.</p>`
      : '';
  const caption = ownPasswords
    ? 'Users of the tenant file'
    : `Users of the tenant file (password <code>${escapeHtml(DEFAULT_USER_PASSWORD)}</code>)`;
  return `<h2 class="note">${caption}</h2>
<table>
<tr><th scope="col">Email</th><th scope="col">Roles</th>${ownPasswords ? '<th scope="col">Password</th>' : ''}</tr>
${rows.join('\n')}
</table>
${more}`;
}

export function sendLoginPage(res: Response, status: number, options: LoginPageOptions): void {
  const error = options.errorMessage
    ? `<p class="error" id="${ids.loginError}" data-error="${escapeHtml(options.errorCode ?? 'access_denied')}" role="alert">${escapeHtml(options.errorMessage)}</p>`
    : '';
  sendPage(res, status, {
    title: 'Log in',
    formTargets: options.formTargets,
    body: `<h1>Log in to continue to ${escapeHtml(options.clientName)}</h1>
${error}
<form method="post" action="/login">
<input type="hidden" name="tx" value="${escapeHtml(options.tx)}">
<label for="${ids.username}">Email</label>
<input id="${ids.username}" name="username" type="email" autocomplete="username" required autofocus value="${escapeHtml(options.username ?? '')}">
<label for="${ids.password}">Password</label>
<input id="${ids.password}" name="password" type="password" autocomplete="current-password" required>
<button id="${ids.loginSubmit}" type="submit">Log in</button>
</form>
${options.users.length ? usersTable(options.users) : '<p class="note">The tenant file has no users: add some under <code>users:</code>.</p>'}
<p class="note">Embedded dev tenant of the quickstart. Set AUTH0_DOMAIN to use a real Auth0 tenant.</p>`,
  });
}
