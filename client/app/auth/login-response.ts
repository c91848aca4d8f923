// Reading auth0-js's answer to a login or a silent authentication: what the session keeps in memory.
import type { Auth0DecodedHash } from 'auth0-js';
import { decodeJwt, splitScope, type Claims } from './jwt';

/** What a successful login leaves in memory. Never written to any browser storage. */
export interface Session {
  accessToken: string;
  idToken: string;
  claims: Claims;
  expiresAt: number; // ms since epoch
  scopes: string[];
}

/** A fragment that carries an authorization response (tokens or an error), not an ordinary anchor. */
export function isLoginResponse(hash: string): boolean {
  return /(^|[#&])(access_token|id_token|error)=/.test(hash);
}

/** The session a response starts, or null when it lacks a token (responseType is not "token id_token"). */
export function sessionFrom(result: Auth0DecodedHash, requestedScope: string, now = Date.now()): Session | null {
  if (!result.accessToken || !result.idToken) return null;
  const exp = decodeJwt(result.accessToken)?.payload['exp'];
  const expiresIn = result.expiresIn ?? (typeof exp === 'number' ? exp - now / 1000 : 0);
  return {
    accessToken: result.accessToken,
    idToken: result.idToken,
    claims: (result.idTokenPayload as Claims | undefined) ?? decodeJwt(result.idToken)?.payload ?? {},
    expiresAt: now + expiresIn * 1000,
    // RFC 6749 5.1: the response omits `scope` when it equals the request.
    scopes: splitScope(result.scope ?? requestedScope),
  };
}

/** The same-app path to return to after login; anything else (another origin, `//host`) goes home. */
export function returnPath(result: Auth0DecodedHash): string {
  const value = (result.appState as { returnTo?: unknown } | undefined)?.returnTo;
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
