// Authorization codes (response_type=code): what /authorize decided, waiting for the client to
// redeem it at the token endpoint with its PKCE verifier. A code is random, single use (taken out of
// the store by its first redemption, whatever the outcome) and short-lived.
import { ExpiringStore } from './expiring-store';

export interface IssuedCode {
  clientId: string;
  /** The redemption must send exactly this redirect_uri. */
  redirectUri: string;
  /** BASE64URL(SHA-256(code_verifier)), from /authorize's code_challenge (S256 only). */
  codeChallenge?: string;
  userId: string;
  /** The scopes /authorize was asked for, `offline_access` included when it was. */
  requestedScopes: readonly string[];
  /** The API of the login's `audience`, if any. */
  audience?: string;
  nonce?: string;
  /** The session's `sid`, for the id_token, and when its user entered their password. */
  sid: string;
  authenticatedAt: string;
  /** The custom claims the post-login actions set at this login, per token. */
  customClaims: {
    accessToken: Readonly<Record<string, unknown>>;
    idToken: Readonly<Record<string, unknown>>;
  };
}

/**
 * Auth0 documents no lifetime of its own; RFC 6749 4.1.2 asks for a short one and recommends at
 * most 10 minutes (Auth0's community answer on "How long is a code valid" points there).
 */
export const AUTHORIZATION_CODE_TTL_SECONDS = 600;

export function createAuthorizationCodeStore(now?: () => number): ExpiringStore<IssuedCode> {
  return new ExpiringStore<IssuedCode>(AUTHORIZATION_CODE_TTL_SECONDS * 1000, 5000, now);
}

/** The code's grant, once: a second redemption finds nothing. */
export function redeemCode(codes: ExpiringStore<IssuedCode>, code: string): IssuedCode | undefined {
  const issued = codes.get(code);
  codes.delete(code);
  return issued;
}
