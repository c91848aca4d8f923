// The tenant's login sessions (what makes checkSession and a second login silent) and the
// cookie that points to them. In memory: a restart logs everyone out, which is fine for a dev tenant.
import type { Request, Response } from 'express';
import { readCookie } from './cookies';
import { ExpiringStore } from './expiring-store';
import type { TenantUser } from './model/tenant-model';
import { randomId } from './random-id';

export const SESSION_COOKIE = 'dev_tenant_session';

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
  return readCookie(req, SESSION_COOKIE);
}

export function startSession(sessions: ExpiringStore<Session>, req: Request, res: Response, user: TenantUser): Session {
  // A fresh id at every login, so a cookie planted before the login is never promoted.
  const previous = readSessionId(req);
  if (previous) sessions.delete(previous);
  const id = randomId(32);
  const session: Session = { sub: user.userId, sid: randomId(16), authenticatedAt: new Date().toISOString() };
  sessions.set(id, session);
  // Plain http on loopback, hence no Secure; Lax still reaches the app's checkSession iframe
  // because localhost:3000 and localhost:3002 are the same site.
  res.append('Set-Cookie', `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
  return session;
}

export function endSession(sessions: ExpiringStore<Session>, req: Request, res: Response): void {
  const id = readSessionId(req);
  if (id) sessions.delete(id);
  res.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
}
