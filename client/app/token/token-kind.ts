// What a string is, before anything is checked: no token, text that is no token at all, an opaque
// access token, or a JWT (then an id_token or an access token, as the API tells them apart).
import { decodeJwt, type Claims, type DecodedJwt } from '../auth/jwt';

export type TokenKind = 'none' | 'not_jwt' | 'opaque' | 'id_token' | 'access_token';

/** The characters of a token: base64url, plus what other opaque token formats use. */
const TOKEN_TEXT = /^[A-Za-z0-9._~+/=-]+$/;

/** A JWE (five parts, a JSON header with `enc`): what Auth0 issues as an opaque access token today. */
function isJwe(parts: string[]): boolean {
  if (parts.length !== 5) return false;
  // decodeJwt reads a header and a payload: the header twice, to read it alone.
  return decodeJwt(`${parts[0]}.${parts[0]}.x`)?.header['enc'] !== undefined;
}

export type Classified = { kind: 'none' | 'not_jwt' | 'opaque' } | { kind: 'jwt'; decoded: DecodedJwt };

export function classify(token: string | null): Classified {
  if (!token) return { kind: 'none' };
  const decoded = decodeJwt(token);
  if (decoded) return { kind: 'jwt', decoded };
  const parts = token.split('.');
  // One unbroken run of token characters (Auth0's older opaque tokens, the dev tenant's), or a JWE.
  const opaque = TOKEN_TEXT.test(token) && ((parts.length === 1 && token.length >= 16) || isJwe(parts));
  return { kind: opaque ? 'opaque' : 'not_jwt' };
}

/**
 * The API's rule, so that both give the same answer (testing/token-cases.ts runs the same cases
 * through both): an id_token carries nonce or at_hash, or has no scope and a client id as its aud
 * (a single string that is not the API's identifier and, unlike a URI, has no colon).
 */
export function looksLikeIdToken(claims: Claims, audience: string): boolean {
  const { aud } = claims;
  const audIsClientId = typeof aud === 'string' && aud !== audience && !aud.includes(':');
  return (
    claims['nonce'] !== undefined || claims['at_hash'] !== undefined || (claims['scope'] === undefined && audIsClientId)
  );
}
