// Remembers the claims of token strings that passed the whole check, as API gateways do: a repeat
// of the same string skips the RSA signature check, most of the check's cost. Expiry and the key set
// are still checked on every request. Optional: without it every request is verified in full.
// The claims are kept as the token's own JSON text and parsed afresh for each request: each route
// gets its own copy, nothing needs freezing, and no copy walks a structure the token nests.
import type { Request, RequestHandler } from 'express';
import { readBearerToken } from './bearer-token';
import type { SigningKeys } from './signing-keys';

type Claims = NonNullable<Request['auth']>;

const MAX_TOKENS = 1_000;

export interface VerifiedTokenCacheOptions {
  /** The key store the check takes its keys from. */
  keys: Pick<SigningKeys, 'current' | 'refreshIfStale'>;
  /** Milliseconds since 1970. */
  now: () => number;
  clockToleranceS: number;
}

/** Wraps the full check (which sets req.auth) with a cache of the tokens it accepted. */
export function rememberVerifiedTokens(
  check: RequestHandler,
  { keys, now, clockToleranceS }: VerifiedTokenCacheOptions,
): RequestHandler {
  const verified = new Map<string, { claimsJson: string; exp: number; keySet: object }>();
  return (req, res, next) => {
    let token: string;
    try {
      token = readBearerToken(req);
    } catch (error) {
      return next(error);
    }
    const entry = verified.get(token);
    if (entry) {
      keys.refreshIfStale(); // as the full check would: a key removed from the JWKS must stop working
      // Same string, same signature: only time and the key set can have changed since.
      if (entry.keySet === keys.current() && now() / 1000 < entry.exp + clockToleranceS) {
        req.auth = JSON.parse(entry.claimsJson) as Claims; // JSON.parse does not recurse: any depth is safe
        return next();
      }
      verified.delete(token);
    }
    const keySet = keys.current();
    void check(req, res, (error?: unknown) => {
      // An unchanged key set still holds the key that verified the token, so a repeat may skip it.
      if (!error && req.auth && keys.current() === keySet) {
        if (verified.size >= MAX_TOKENS) verified.delete(verified.keys().next().value!);
        verified.set(token, { claimsJson: payloadJson(token), exp: req.auth.exp, keySet });
      }
      next(error);
    });
  };
}

/** The JSON text of a token's claims: its middle part, decoded (the check accepted it as UTF-8 JSON). */
function payloadJson(token: string): string {
  return Buffer.from(token.slice(token.indexOf('.') + 1, token.lastIndexOf('.')), 'base64url').toString('utf8');
}
