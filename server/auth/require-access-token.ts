// The middleware: accepts only RS256 access tokens one Auth0 tenant issued for one API, and says why
// when it refuses one. The other files decide which token, claims and key, and when to fetch the JWKS;
// express-jwt verifies the RS256 signature with the chosen key and sets req.auth; jwks-rsa turns the
// JWKS's entries into public keys (its cache, rate limit and fetch are off).
import { strict as assert } from 'node:assert';
import type { KeyObject } from 'node:crypto';
import type { RequestHandler } from 'express';
import { expressjwt } from 'express-jwt';
import { AuthError } from './auth-errors';
import { readBearerToken } from './bearer-token';
import { createSigningKeys } from './signing-keys';
import { checkBeforeKey, explainFailure } from './token-checks';
import { decodeToken } from './token-decoding';
import { rememberVerifiedTokens } from './verified-token-cache';

export interface AccessTokenOptions {
  /** Exactly the `iss` of the tenant's tokens: `https://TENANT/`, trailing slash included. Required. */
  issuer: string;
  /** The API identifier the token must list in `aud`. Required. */
  audience: string;
  /** Where the tenant publishes its signing keys. Default: issuer + `.well-known/jwks.json`. */
  jwksUri?: string;
  /** Minimum time between two JWKS fetches caused by unknown kids, failed fetches included. Default 30000 (30 s). */
  jwksCooldownMs?: number;
  /** How long to wait for the JWKS before answering 503. Default 5000 (jwks-rsa's 30 s would pile up requests). */
  jwksTimeoutMs?: number;
  /**
   * Once the key set is older than this, the next request refreshes it in the background, so that a
   * key removed from the JWKS stops being accepted. Default 600000 (10 min).
   */
  jwksMaxAgeMs?: number;
  /** Clock skew allowed on exp, nbf and iat, in seconds. Default 5. */
  clockToleranceS?: number;
  /**
   * The clock for the time claims and the JWKS timings, in milliseconds since 1970. Default `Date.now`;
   * tests pass their own to move time forward without waiting.
   */
  now?: () => number;
}

export interface AccessTokenClaims {
  iss: string;
  sub?: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nbf?: number;
  azp?: string;
  /** Space-separated granted scopes. */
  scope?: string;
  [claim: string]: unknown;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the only way to extend Express's Request type
  namespace Express {
    interface Request {
      /** The verified access token's claims (express-jwt's convention). */
      auth?: AccessTokenClaims;
    }
  }
}

export function requireAccessToken({
  issuer,
  audience,
  jwksUri = `${issuer}.well-known/jwks.json`,
  jwksCooldownMs = 30_000,
  jwksTimeoutMs = 5_000,
  jwksMaxAgeMs = 600_000,
  clockToleranceS = 5,
  now = Date.now,
}: AccessTokenOptions): RequestHandler {
  assert(issuer && audience, 'requireAccessToken() needs both issuer and audience.');
  for (const [name, value] of Object.entries({ jwksCooldownMs, jwksTimeoutMs, jwksMaxAgeMs, clockToleranceS })) {
    assert(Number.isFinite(value) && value >= 0, `requireAccessToken(): ${name} must be a number >= 0.`);
  }
  const keys = createSigningKeys({ jwksUri, jwksCooldownMs, jwksTimeoutMs, jwksMaxAgeMs, now });

  // Claims before key, key before signature. The claims are checked as the token is read, on this
  // folder's strict decoding (express-jwt's own is lenient and comes next); the key callback then
  // gets the kid they named.
  const kids = new WeakMap<object, string>();
  const verifyWithExpressJwt = expressjwt({
    algorithms: ['RS256'],
    getToken: (req) => {
      const token = readBearerToken(req);
      const expected = { issuer, audience, clockToleranceS, nowS: now() / 1000 };
      kids.set(req, checkBeforeKey(decodeToken(token), expected));
      return token;
    },
    secret: (req): Promise<KeyObject> => {
      const kid = kids.get(req);
      if (kid === undefined) throw new Error('requireAccessToken(): the key was asked for before the token was read.');
      return keys.get(kid);
    },
    // exp, nbf and iat were checked above on `now` (jsonwebtoken would read Date.now), iss and aud too.
    ignoreExpiration: true,
    ignoreNotBefore: true,
  });
  const checkAccessToken: RequestHandler = (req, res, next) =>
    void verifyWithExpressJwt(req, res, (error?: unknown) => next(error && explainFailure(error)));

  // Without the cache of verified tokens (and its import): const check = checkAccessToken;
  const check = rememberVerifiedTokens(checkAccessToken, { keys, now, clockToleranceS });
  return (req, res, next) => {
    // What a protected route answers depends on the token: no cache may keep it (errors say so too).
    // A script may run the check on a bare request, without a response to mark.
    if (typeof res.setHeader === 'function') res.setHeader('Cache-Control', 'no-store');
    return check(req, res, next);
  };
}

/** 403 insufficient_scope unless the verified token grants `scope`. Use after requireAccessToken. */
export function requireScope(scope: string): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) return next(new Error('requireScope() must come after requireAccessToken().'));
    const granted = typeof req.auth.scope === 'string' ? req.auth.scope.split(' ').filter(Boolean) : [];
    if (granted.includes(scope)) return next();
    next(
      new AuthError(
        'insufficient_scope',
        `This route needs the scope "${scope}"; the token grants ${granted.length ? `"${granted.join(' ')}"` : 'no scope'}.`,
        `Request "${scope}" in the scope of the login, and give the user that permission in the tenant.`,
        { scope },
      ),
    );
  };
}
