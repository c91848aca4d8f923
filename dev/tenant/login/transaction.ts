// A pending login (one /authorize waiting for the form) is bound to the browser that started it:
// /authorize sets a cookie holding a secret, and POST /login must carry it. A page on another site
// that started a login itself and learned its `tx` cannot make a victim's browser finish it (login
// CSRF: the victim would be logged in as the attacker's user, and every next Log In silently too).
import type { Request, Response } from 'express';
import type { AuthorizeRequest } from '../authorize/checks';
import { readCookie, sameSecret } from '../shared/cookies';
import { randomId } from '../shared/random-id';
import { ExpiringStore } from '../stores/expiring-store';

export interface PendingLogin {
  request: AuthorizeRequest;
  /** The value of this login's cookie; only the browser that called /authorize has it. */
  browserKey: string;
}

/** How long the login form of one /authorize request stays usable. */
export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;

/** /authorize requests waiting for the user to log in, by transaction id (the `tx` of /login). */
export function createPendingLogins(): ExpiringStore<PendingLogin> {
  return new ExpiringStore<PendingLogin>(PENDING_LOGIN_TTL_MS, 500);
}

// One cookie per transaction, so two login tabs do not overwrite each other's.
const cookieName = (tx: string) => `dev_tenant_login_${tx}`;
// Sent only to POST /login, only by this site (Strict), never readable by scripts, gone with the login.
const ATTRIBUTES = `Path=/login; HttpOnly; SameSite=Strict`;

/** Keeps the request, sets its cookie, and returns the `tx` the login page carries. */
export function beginLogin(
  pendingLogins: ExpiringStore<PendingLogin>,
  res: Response,
  request: AuthorizeRequest,
): string {
  const tx = randomId();
  const browserKey = randomId();
  pendingLogins.set(tx, { request, browserKey });
  res.append('Set-Cookie', `${cookieName(tx)}=${browserKey}; ${ATTRIBUTES}; Max-Age=${PENDING_LOGIN_TTL_MS / 1000}`);
  return tx;
}

/** True when the request carries the cookie /authorize set for this login. */
export function isSameBrowser(req: Request, tx: string, pending: PendingLogin): boolean {
  const presented = readCookie(req, cookieName(tx));
  return presented !== undefined && sameSecret(presented, pending.browserKey);
}

/** The login is used up (one use only: a replayed form post must not log in again). */
export function endLogin(pendingLogins: ExpiringStore<PendingLogin>, res: Response, tx: string): void {
  pendingLogins.delete(tx);
  res.append('Set-Cookie', `${cookieName(tx)}=; ${ATTRIBUTES}; Max-Age=0`);
}
