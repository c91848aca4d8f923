// Reading a flow's answer to a login, a restore or a renewal: what the session keeps in memory.
import type { FlowResult } from './auth-flow';
import { decodeJwt, splitScope, type Claims } from './jwt';

/** What a successful login leaves in this object (the code flow's SDK keeps its own copy, in its cache). */
export interface Session {
  accessToken: string;
  idToken: string;
  claims: Claims;
  expiresAt: number; // ms since epoch
  scopes: string[];
}

/** The session a response starts, or null when it lacks a token (no audience, or no openid scope). */
export function sessionFrom(result: FlowResult, requestedScope: string, now = Date.now()): Session | null {
  if (!result.accessToken || !result.idToken) return null;
  const exp = decodeJwt(result.accessToken)?.payload['exp'];
  const expiresIn = result.expiresIn ?? (typeof exp === 'number' ? exp - now / 1000 : 0);
  return {
    accessToken: result.accessToken,
    idToken: result.idToken,
    claims: result.idTokenPayload ?? decodeJwt(result.idToken)?.payload ?? {},
    expiresAt: now + expiresIn * 1000,
    // RFC 6749 5.1: the response omits `scope` when it equals the request.
    scopes: splitScope(result.scope ?? requestedScope),
  };
}

/** The same-app path to return to after login; anything else (another origin, `//host`) goes home. */
export function returnPath(result: FlowResult): string {
  const value = (result.appState as { returnTo?: unknown } | undefined)?.returnTo;
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
