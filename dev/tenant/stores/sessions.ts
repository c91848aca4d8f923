// The tenant's login sessions (what makes checkSession and a second login silent) and the
// cookie that points to them. In memory: a restart logs everyone out, which is fine for a dev tenant.
import type { Request, Response } from 'express';
import { readCookie } from '../shared/cookies';
import { ExpiringStore } from './expiring-store';
import type { TenantUser } from '../model/tenant-model';
import { randomId } from '../shared/random-id';

const SESSION_COOKIE = 'dev_tenant_session';
/**
 * Auth0 sets its session cookie twice: `auth0` with SameSite=None; Secure, which a browser that
 * allows third-party cookies sends to checkSession's iframe when the tenant is on another site than
 * the app, and `auth0_compat` without SameSite=None for browsers that refuse that combination. The
 * dev tenant does the same (browsers accept Secure from http on loopback), so that with
 * DEV_TENANT_HOST=127.0.0.1 it behaves like a real tenant whatever the browser's cookie policy.
 */
const SESSION_COMPAT_COOKIE = 'dev_tenant_session_compat';

export interface Session {
  sub: string;
  /** The `sid` claim of id_tokens; distinct from the cookie value, which never leaves the cookie. */
  sid: string;
  /** When the user entered their password (the post-login event's authentication method time). */
  authenticatedAt: string;
}

export function createSessionStore(): ExpiringStore<Session> {
  return new ExpiringStore<Session>(12 * 60 * 60 * 1000, 1000);
}

export function readSessionId(req: Request): string | undefined {
  return readCookie(req, SESSION_COOKIE) ?? readCookie(req, SESSION_COMPAT_COOKIE);
}

function setSessionCookies(res: Response, value: string, extra = ''): void {
  res.append('Set-Cookie', `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=None; Secure${extra}`);
  res.append('Set-Cookie', `${SESSION_COMPAT_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax${extra}`);
}

export function startSession(sessions: ExpiringStore<Session>, req: Request, res: Response, user: TenantUser): Session {
  // A fresh id at every login, so a cookie planted before the login is never promoted.
  const previous = readSessionId(req);
  if (previous) sessions.delete(previous);
  const id = randomId(32);
  const session: Session = { sub: user.userId, sid: randomId(16), authenticatedAt: new Date().toISOString() };
  sessions.set(id, session);
  setSessionCookies(res, id);
  return session;
}

export function endSession(sessions: ExpiringStore<Session>, req: Request, res: Response): void {
  const id = readSessionId(req);
  if (id) sessions.delete(id);
  setSessionCookies(res, '', '; Max-Age=0');
}
