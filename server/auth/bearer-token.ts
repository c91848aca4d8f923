// The access token of a request, per RFC 6750 section 2: this API accepts it in the Authorization
// header only (2.1), and refuses the form body (2.2) and query string (2.3) ways of sending it.
import { AuthError } from './auth-errors';

/**
 * The longest token read, in characters; anything longer is refused before it is decoded. 8 KB is
 * what nginx, Apache and Heroku's router accept in one header line by default, so a longer token
 * fails behind most of them anyway; an Auth0 access token that carries 200 permissions of some 20
 * characters is about 7.8 KB. Raise it if yours need more (Node reads at most 16 KB of headers).
 */
export const MAX_TOKEN_LENGTH = 8_192;

/** The parts of an Express request the token can be in. */
export interface BearerRequest {
  headers: { authorization?: string };
  /** Every header line as received: req.headers keeps only the first Authorization header. */
  rawHeaders?: string[];
  originalUrl?: string;
  url?: string;
  body?: unknown;
}

export function readBearerToken(req: BearerRequest): string {
  const header = req.headers.authorization;
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  const inQuery = query !== -1 && new URLSearchParams(url.slice(query)).has('access_token');
  // The body can be checked only if a body parser (express.json(), express.urlencoded()) ran before
  // this middleware; without one req.body is undefined, and a token sent there goes unnoticed.
  const body = req.body;
  const inBody = typeof body === 'object' && body !== null && Object.hasOwn(body, 'access_token');
  if (inQuery || inBody) {
    const places = [header && 'the Authorization header', inQuery && 'the query string', inBody && 'the request body'];
    const where = places.filter(Boolean).join(' and ');
    throw new AuthError(
      'token_in_query',
      `A token was sent in ${where}; this API accepts it only in the Authorization header, once.`,
      'Send "Authorization: Bearer <access token>" and nothing else: tokens in URLs end up in logs and browser history.',
    );
  }
  const headers = authorizationHeaders(req.rawHeaders);
  if (headers > 1) {
    throw new AuthError(
      'duplicate_header',
      `The request has ${headers} Authorization headers; this API accepts exactly one.`,
      'Send one "Authorization: Bearer <access token>" header: check that no proxy, HTTP interceptor or client library adds a second one.',
    );
  }
  if (!header) {
    throw new AuthError(
      'missing_token',
      header === '' ? 'The Authorization header is empty.' : 'The request has no Authorization header.',
      'Send the access token as "Authorization: Bearer <access token>".',
    );
  }
  const space = header.indexOf(' ');
  const scheme = space === -1 ? header : header.slice(0, space);
  if (scheme.toLowerCase() !== 'bearer') {
    // Name the scheme only if it looks like one: a bare token here must not be echoed.
    const named = /^[A-Za-z][A-Za-z0-9-]{0,19}$/.test(scheme) ? `the scheme "${scheme}"` : 'no known scheme';
    throw new AuthError(
      'bad_scheme',
      `The Authorization header uses ${named}; this API expects "Bearer <access token>".`,
      'Send the access token as "Authorization: Bearer <access token>", with the word Bearer and a space before it.',
    );
  }
  const token = header.slice(space + 1);
  if (space === -1 || token === '') {
    throw new AuthError(
      'malformed_header',
      'The Authorization header says Bearer but carries no token.',
      'Send "Authorization: Bearer <access token>" with the token after one space.',
    );
  }
  if (token === 'undefined' || token === 'null') {
    throw new AuthError(
      'missing_token',
      `The Authorization header is "Bearer ${token}": the client had no token to send.`,
      'Log in before calling the API, and make the token getter return the access token.',
    );
  }
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new AuthError(
      'token_too_large',
      `The access token is ${token.length} characters long; this API reads tokens of up to ${MAX_TOKEN_LENGTH}.`,
      'Put fewer claims in the token: fewer permissions (RBAC "Add Permissions in the Access Token"), or smaller custom claims from Actions.',
    );
  }
  // RFC 6750's b64token: one token, no quotes, no spaces, no second value.
  if (!/^[A-Za-z0-9._~+/-]+=*$/.test(token)) {
    throw new AuthError(
      'malformed_header',
      'The Authorization header is not "Bearer" followed by one token: it has quotes, spaces or other characters a token cannot contain.',
      'Send exactly "Authorization: Bearer <access token>", without quotes or extra values.',
    );
  }
  const segments = token.split('.').length;
  if (segments !== 3) {
    throw new AuthError(
      'opaque_token',
      segments === 5
        ? 'The access token is encrypted (JWE); this API verifies signed JWTs only.'
        : 'The access token is not a JWT: it is opaque, which is what Auth0 issues when no audience was requested.',
      'Ask for a token for this API: pass its identifier as audience in the login (authorize) request.',
    );
  }
  return token;
}

/** How many Authorization header lines the request had (a request built without them counts as one). */
function authorizationHeaders(rawHeaders: string[] | undefined): number {
  if (!rawHeaders) return 1;
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name.length === 13 && name.toLowerCase() === 'authorization') count++;
  }
  return count;
}
