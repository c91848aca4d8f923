// Reads a POST /oauth/token request: its parameters, from a form or a JSON body as Auth0 accepts
// both, and the client's credentials, from the body (client_secret_post) or an Authorization: Basic
// header (client_secret_basic). Nothing here looks the client up: that is client-auth.ts.
import type { Request } from 'express';
import { tokenErrors } from './errors';

export interface TokenRequest {
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  /** The grants' own parameters (audience, scope...), each a single non-empty string. */
  params: Readonly<Record<string, string>>;
  /** The HTTP request itself, for what a post-login action reads of it (a refresh runs them). */
  http?: Request;
}

const COMMON = { grant_type: 'grantType', client_id: 'clientId', client_secret: 'clientSecret' } as const;

/** RFC 6749 2.3.1: id and secret are form-encoded, then joined by ':' and base64-encoded. */
function formDecoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value; // a client that did not encode a secret holding '%'
  }
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | 'malformed' | undefined {
  const match = /^Basic +(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return 'malformed';
  return { id: formDecoded(decoded.slice(0, colon)), secret: formDecoded(decoded.slice(colon + 1)) };
}

/** `grantParameters`: every parameter some grant reads (GRANT_PARAMETERS); others are not looked at. Throws an OAuthError. */
export function readTokenRequest(req: Request, grantParameters: readonly string[]): TokenRequest {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw tokenErrors.unreadableBody(
      'Send the parameters in the body of the POST, as application/x-www-form-urlencoded or application/json.',
    );
  }
  const request: TokenRequest = { params: {}, http: req };
  const params: Record<string, string> = {};
  for (const name of [...Object.keys(COMMON), ...grantParameters]) {
    const value = (body as Record<string, unknown>)[name];
    if (value === undefined) continue;
    // A repeated form field arrives as an array; RFC 6749 3.2 allows each parameter once.
    if (typeof value !== 'string') throw tokenErrors.repeated(name);
    if (value === '') continue;
    if (Object.hasOwn(COMMON, name)) request[COMMON[name as keyof typeof COMMON]] = value;
    else params[name] = value;
  }
  request.params = params;
  const basic = basicCredentials(req.headers.authorization);
  if (basic === 'malformed') throw tokenErrors.unauthorized();
  if (basic) {
    const conflicting = request.clientSecret !== undefined || (request.clientId ?? basic.id) !== basic.id;
    if (conflicting) throw tokenErrors.twoAuthMethods();
    request.clientId = basic.id;
    request.clientSecret = basic.secret;
  }
  return request;
}
