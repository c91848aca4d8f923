// Remembers the claims of token strings that passed the whole check, as API gateways do: a repeat
// of the same string skips the RSA signature check, most of the check's cost. Expiry and the key set
// are still checked on every request. Optional: without it every request is verified in full.
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
  const verified = new Map<string, { claims: Claims; keySet: object }>();
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
      if (entry.keySet === keys.current() && now() / 1000 < entry.claims.exp + clockToleranceS) {
        req.auth = copyJson(entry.claims); // the route may change its req.auth; the next request must not see it
        return next();
      }
      verified.delete(token);
    }
    const keySet = keys.current();
    void check(req, res, (error?: unknown) => {
      // An unchanged key set still holds the key that verified the token, so a repeat may skip it.
      if (!error && req.auth && keys.current() === keySet) {
        if (verified.size >= MAX_TOKENS) verified.delete(verified.keys().next().value!);
        verified.set(token, { claims: deepFreeze(copyJson(req.auth)), keySet });
      }
      next(error);
    });
  };
}

function deepFreeze<T extends object>(value: T): T {
  Object.freeze(value);
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) deepFreeze(child);
  return value;
}

/** A deep copy of parsed JSON (claims): about 1 µs, where structuredClone takes several. */
function copyJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const copy: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value)) {
    // A "__proto__" claim is an own property in JSON.parse's result; a plain assignment would set the prototype.
    if (name === '__proto__')
      Object.defineProperty(copy, name, {
        value: copyJson(child),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[name] = copyJson(child);
  }
  return copy as T;
}
