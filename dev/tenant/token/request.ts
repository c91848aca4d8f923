// Reads a POST /oauth/token request: its parameters, from a form or a JSON body as Auth0 accepts
// both, and the client's credentials, from the body (client_secret_post) or an Authorization: Basic
// header (client_secret_basic). Nothing here looks the client up: that is client authentication.
import type { Request } from 'express';
import { tokenErrors, type TokenError } from './errors';

export interface TokenRequest {
  grantType?: string;
  clientId?: string;
  clientSecret?: string;
  audience?: string;
  scope?: string;
}

const PARAMETERS = {
  grantType: 'grant_type',
  clientId: 'client_id',
  clientSecret: 'client_secret',
  audience: 'audience',
  scope: 'scope',
} as const;

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

export function readTokenRequest(req: Request): TokenRequest | TokenError {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return tokenErrors.unreadableBody(
      'Send the parameters in the body of the POST, as application/x-www-form-urlencoded or application/json.',
    );
  }
  const request: TokenRequest = {};
  for (const [field, name] of Object.entries(PARAMETERS) as [keyof TokenRequest, string][]) {
    const value = (body as Record<string, unknown>)[name];
    if (value === undefined) continue;
    // A repeated form field arrives as an array; RFC 6749 3.2 allows each parameter once.
    if (typeof value !== 'string') return tokenErrors.repeated(name);
    if (value !== '') request[field] = value;
  }
  const basic = basicCredentials(req.headers.authorization);
  if (basic === 'malformed') return tokenErrors.unauthorized();
  if (basic) {
    const conflicting = request.clientSecret !== undefined || (request.clientId ?? basic.id) !== basic.id;
    if (conflicting) return tokenErrors.twoAuthMethods();
    request.clientId = basic.id;
    request.clientSecret = basic.secret;
  }
  return request;
}
