// What can be said about a token before its signature is checked, in the order that names the
// cause best: header, claims, then the kid that chooses the key. Checking the claims before the key
// is what turns "no such key" into wrong_issuer, wrong_audience or id_token_not_access_token.
// Anyone can send what is checked here: values are compared and quoted, never walked into.
import { UnauthorizedError } from 'express-jwt';
import { AuthError, duration, isoTime, printable, show } from './auth-errors';
import { malformedToken, type DecodedToken } from './token-decoding';

export interface ExpectedToken {
  issuer: string;
  audience: string;
  clockToleranceS: number;
  /** The current time, in seconds since 1970. */
  nowS: number;
}

// Time claims are seconds since 1970; past the year 9999 no token is real (and Date cannot print it).
const LATEST_TIME_S = 253_402_300_799; // 9999-12-31T23:59:59Z

// RFC 8725 section 3.11 (explicit typing): JWT, or RFC 9068's at+jwt, with or without "application/".
const ACCESS_TOKEN_TYP = /^(?:application\/)?(?:at\+)?jwt$/i;

/** Checks the decoded, not yet verified token; returns the kid of the key that must have signed it. */
export function checkBeforeKey({ header, payload }: DecodedToken, expected: ExpectedToken): string {
  checkHeader(header);
  checkClaims(payload, expected);
  const kid = header.kid;
  if (typeof kid !== 'string' || kid === '') {
    throw new AuthError(
      'unknown_key',
      'The token header has no kid, so no key of the tenant can be chosen to verify it.',
      'Send an access token issued by the tenant; Auth0 always sets kid.',
    );
  }
  return kid;
}

function checkHeader({ typ, alg, crit }: Record<string, unknown>): void {
  // jku, x5u, jwk and x5c are never read: the key comes from the configured JWKS only.
  // typ first: a DPoP proof or a logout token is named as such, not by its algorithm.
  if (typ !== undefined && !(typeof typ === 'string' && ACCESS_TOKEN_TYP.test(typ))) {
    throw new AuthError(
      'typ_not_allowed',
      `The token header says typ ${printable(show(typ), 40)}; this API accepts access tokens of type JWT or at+jwt.`,
      'Send the access token the tenant issued for this API: a JWT of another type (a DPoP proof, a logout token, a security event) is not an access token.',
    );
  }
  if (alg !== 'RS256') {
    throw new AuthError(
      'alg_not_allowed',
      `The token is signed with ${alg === undefined ? 'no algorithm' : printable(show(alg), 20)}; this API accepts RS256 only.`,
      typeof alg === 'string' && /^none$/i.test(alg)
        ? 'Unsigned tokens are never accepted.'
        : 'Use RS256 (Auth0 dashboard > Applications > APIs > your API > Signing Algorithm).',
    );
  }
  if (crit !== undefined) {
    throw new AuthError(
      'unsupported_header',
      `The token header marks ${printable(show(crit), 60)} as critical (crit); this API understands no such extension.`,
      'Send a plain RS256 access token from the tenant, without crit.',
    );
  }
}

function checkClaims(payload: Record<string, unknown>, { issuer, audience, clockToleranceS, nowS }: ExpectedToken) {
  const { iss, aud, scope } = payload;
  // An id_token's aud is the app's client id and it has no scope; it also carries nonce/at_hash.
  const audIsClientId = typeof aud === 'string' && aud !== audience && !aud.includes(':');
  if (payload.nonce !== undefined || payload.at_hash !== undefined || (scope === undefined && audIsClientId)) {
    throw new AuthError(
      'id_token_not_access_token',
      `This is an ID token (aud ${show(aud)}), which is meant for the app; an API needs the access token.`,
      'Send the access_token from the login result, not the id_token (check the token getter of the HTTP interceptor).',
    );
  }
  if (iss !== issuer) {
    const slashOnly = typeof iss === 'string' && (`${iss}/` === issuer || iss === `${issuer}/`);
    throw new AuthError(
      'wrong_issuer',
      `Expected issuer "${issuer}" but the token was issued by ${show(iss)}${slashOnly ? ': they differ only by the trailing slash' : ''}.`,
      slashOnly
        ? 'Configure the issuer exactly as the tenant writes it: Auth0 issuers end with "/".'
        : 'Point the API at the tenant that issued the token (AUTH0_DOMAIN), or log in to the tenant the API uses.',
    );
  }
  if (!(Array.isArray(aud) ? aud : [aud]).includes(audience)) {
    throw new AuthError(
      'wrong_audience',
      `Expected audience "${audience}" but the token is for ${show(aud)}.`,
      `Request the token with audience "${audience}" (AUTH0_AUDIENCE must be the API identifier, the same on the app and the API).`,
    );
  }
  const [exp, nbf, iat] = [timeClaim(payload, 'exp'), timeClaim(payload, 'nbf'), timeClaim(payload, 'iat')];
  if (exp === undefined) {
    throw new AuthError(
      'missing_exp',
      'The token has no expiry (exp); this API accepts only tokens that expire.',
      'Send an access token issued by the tenant; Auth0 always sets exp.',
    );
  }
  if (nowS >= exp + clockToleranceS) {
    throw new AuthError(
      'expired',
      `The token expired ${duration(nowS - exp)} ago (at ${isoTime(exp)}).`,
      "Get a new token (log in again, or renew it silently before it expires); if it is brand new, check this server's clock.",
    );
  }
  if (nbf !== undefined && nbf > nowS + clockToleranceS) {
    throw new AuthError(
      'not_yet_valid',
      `The token becomes valid only in ${duration(nbf - nowS)} (at ${isoTime(nbf)}).`,
      "Check the clocks: this server's clock is behind the tenant's.",
    );
  }
  if (iat !== undefined && iat > nowS + clockToleranceS) {
    throw new AuthError(
      'not_yet_valid',
      `The token was issued ${duration(iat - nowS)} in the future (iat ${isoTime(iat)}), by this server's clock.`,
      "Check the clocks: this server's clock is behind the tenant's (synchronise it, e.g. with NTP).",
    );
  }
}

/** exp, nbf or iat: absent, or seconds since 1970 that Date can handle. */
function timeClaim(payload: Record<string, unknown>, name: 'exp' | 'nbf' | 'iat'): number | undefined {
  const value = payload[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw malformedToken(`its ${name} is not a number`);
  if (value < 0 || value > LATEST_TIME_S) {
    throw malformedToken(
      `its ${name} is out of range (${value} is not a time in seconds between 1970 and the year 9999)`,
    );
  }
  return value;
}

/**
 * Turns what express-jwt still refuses once checkBeforeKey passed (the signature, in effect) into an
 * AuthError. jsonwebtoken gives its errors no code, so its two signature messages are matched as text.
 */
export function explainFailure(error: unknown): unknown {
  if (!(error instanceof UnauthorizedError)) return error; // AuthError, or a bug: the 500 handler's job
  const { message } = error.inner;
  if (message === 'invalid signature' || message === 'jwt signature is required') {
    return new AuthError(
      'bad_signature',
      "The token's signature does not match the tenant key named by its kid: the token was altered or signed by someone else.",
      'Send the access token exactly as the tenant issued it.',
    );
  }
  return malformedToken(`it could not be decoded (${printable(message, 80)})`);
}
