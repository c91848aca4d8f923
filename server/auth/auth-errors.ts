// Why a request was refused, said three ways: the HTTP status, RFC 6750's WWW-Authenticate header
// (what OAuth clients parse) and a JSON body a person can read ({ error, error_description, code, hint }).
import type { ErrorRequestHandler, Response } from 'express';

/** The specific cause, finer than RFC 6750's three codes; clients and docs key on these names. */
export type AuthErrorCode =
  | 'missing_token'
  | 'bad_scheme'
  | 'malformed_header'
  | 'duplicate_header'
  | 'token_too_large'
  | 'malformed_token'
  | 'opaque_token'
  | 'id_token_not_access_token'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'expired'
  | 'not_yet_valid'
  | 'missing_exp'
  | 'bad_signature'
  | 'unknown_key'
  | 'alg_not_allowed'
  | 'typ_not_allowed'
  | 'unsupported_header'
  | 'token_in_query'
  | 'insufficient_scope'
  | 'jwks_unavailable';

// RFC 6750 section 3: no error attribute when the request carried no Bearer credentials at all.
const NO_CREDENTIALS = new Set<AuthErrorCode>(['missing_token', 'bad_scheme']);
// The request itself is wrong (400 invalid_request). A "Bearer" header with no token or extra parts
// is not among them: RFC 6750 lets it be a malformed token (401 invalid_token), which is also what
// Auth0's quickstart suite expects of every API.
const BAD_REQUEST = new Set<AuthErrorCode>(['token_in_query', 'duplicate_header']);

export class AuthError extends Error {
  override name = 'AuthError';
  /** HTTP status; also read by Express's default handler if no error handler is installed. */
  readonly status: number;
  /** RFC 6750 error code (or `unauthorized` / `temporarily_unavailable` where RFC 6750 has none). */
  readonly error: string;

  constructor(
    readonly code: AuthErrorCode,
    /** One sentence; never contains the token. */
    readonly description: string,
    readonly hint: string,
    readonly extra: { scope?: string; retryAfterSeconds?: number } = {},
  ) {
    super(description);
    if (code === 'insufficient_scope') [this.status, this.error] = [403, 'insufficient_scope'];
    else if (code === 'jwks_unavailable') [this.status, this.error] = [503, 'temporarily_unavailable'];
    else if (BAD_REQUEST.has(code)) [this.status, this.error] = [400, 'invalid_request'];
    else if (NO_CREDENTIALS.has(code)) [this.status, this.error] = [401, 'unauthorized'];
    else [this.status, this.error] = [401, 'invalid_token'];
  }
}

/** Install after the routes: answers AuthErrors, passes anything else on. */
export const authErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof AuthError && !res.headersSent) sendAuthError(res, err);
  else next(err);
};

function sendAuthError(res: Response, error: AuthError): void {
  const challenge = wwwAuthenticate(error);
  if (challenge) res.set('WWW-Authenticate', challenge);
  if (error.extra.retryAfterSeconds !== undefined) res.set('Retry-After', String(error.extra.retryAfterSeconds));
  // Error answers depend on the token and the key set at that moment: never cache them.
  res.set('Cache-Control', 'no-store');
  res.status(error.status).json({
    error: error.error,
    error_description: error.description,
    code: error.code,
    hint: error.hint,
  });
}

function wwwAuthenticate(error: AuthError, realm = 'api'): string | undefined {
  if (error.status === 503) return undefined; // not an authentication challenge
  const parts = [`Bearer realm=${quoted(realm)}`];
  if (!NO_CREDENTIALS.has(error.code)) {
    parts.push(`error=${quoted(error.error)}`, `error_description=${quoted(error.description)}`);
  }
  if (error.extra.scope) parts.push(`scope=${quoted(error.extra.scope)}`);
  return parts.join(', ');
}

// RFC 6750 allows only %x20-21 / %x23-5B / %x5D-7E inside the quoted values; anything else
// (quotes, backslashes, CR/LF from a hostile claim) would break the header or make Node throw.
function quoted(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?')}"`;
}

// Descriptions quote what the request carried; these keep that short and printable, and bound the
// work: a value from the token can be a list of thousands, nested thousands deep.

/** A claim value for an error message, as JSON but one level deep only: `["a",[...],{...}]`. */
export function show(value: unknown): string {
  if (value === undefined) return 'none';
  if (!Array.isArray(value)) return printable(scalar(value), 120);
  const shown = value.slice(0, 8).map(scalar);
  if (value.length > shown.length) shown.push('...');
  return printable(`[${shown.join(',')}]`, 120);
}

/** A value that is not walked into: a string (its first 200 characters), a number, or its kind. */
function scalar(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 200));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? '[...]' : typeof value === 'object' ? '{...}' : typeof value;
}

export function printable(text: string, max: number): string {
  const clean = text.replace(/[^\x20-\x7E]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}...` : clean;
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

export const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString();
