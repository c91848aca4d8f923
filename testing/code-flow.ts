// For specs: the authorization code flow against a running dev tenant, as auth0-spa-js runs it over
// HTTP: a PKCE pair, /authorize with response_type=code, the login form, the code read back from the
// redirect's query, and the token endpoint's code, refresh and revocation requests.
import { createHash, randomBytes } from 'node:crypto';
import { REQUESTED_SCOPE } from '../config/load-config';
import type { RunningDevTenant } from './dev-tenant';
import { postToken, type Answer } from './management-requests';
import { authorizeUrl, logIn } from './tenant-requests';

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** RFC 7636: a random verifier and its S256 challenge. */
export function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** What auth0-spa-js's loginWithRedirect asks for (useRefreshTokens: offline_access). */
export function codeAuthorizeUrl(
  tenant: RunningDevTenant,
  pair: Pkce,
  overrides: Record<string, string | undefined> = {},
): string {
  return authorizeUrl(tenant, {
    response_type: 'code',
    response_mode: 'query',
    scope: `${REQUESTED_SCOPE} offline_access`,
    code_challenge: pair.challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });
}

/** Logs `email` in with response_type=code; returns the code from the redirect's query, and the redirect. */
export async function codeLogin(
  tenant: RunningDevTenant,
  email: string,
  overrides: Record<string, string | undefined> = {},
): Promise<{ code: string; pair: Pkce; location: URL; cookie: string }> {
  const pair = pkce();
  const { location, cookie } = await logIn(tenant, email, codeAuthorizeUrl(tenant, pair, overrides));
  const url = new URL(location);
  return { code: url.searchParams.get('code') ?? '', pair, location: url, cookie };
}

/** POST /oauth/token with the code, as handleRedirectCallback sends it; `overrides` may drop (undefined) or change a field. */
export function redeem(
  tenant: RunningDevTenant,
  code: string,
  pair: Pkce,
  overrides: Record<string, string | undefined> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = {
    grant_type: 'authorization_code',
    client_id: tenant.clientId,
    code,
    code_verifier: pair.verifier,
    redirect_uri: `${tenant.appOrigin}/callback`,
    ...overrides,
  };
  const body = Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return postToken(tenant, body, headers);
}

/** A login's tokens, a refresh token among them (the shipped tenant file's SPA rotates). */
export async function loginWithRefreshToken(tenant: RunningDevTenant, email: string): Promise<Record<string, unknown>> {
  const { code, pair } = await codeLogin(tenant, email);
  const answer = await redeem(tenant, code, pair);
  expect(answer.status).withContext(answer.text).toBe(200);
  return answer.body;
}

/** POST /oauth/token with grant_type=refresh_token, as getTokenSilently sends it. */
export function refresh(
  tenant: RunningDevTenant,
  refreshToken: unknown,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  return postToken(
    tenant,
    { grant_type: 'refresh_token', client_id: tenant.clientId, refresh_token: String(refreshToken), ...extra },
    headers,
  );
}

/** POST /oauth/revoke with a form (an object) or exactly the given body and headers. */
export async function revoke(
  tenant: RunningDevTenant,
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const form = typeof body !== 'string';
  const response = await fetch(`${tenant.url}/oauth/revoke`, {
    method: 'POST',
    headers: { ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    body: form ? new URLSearchParams(body) : body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export const INVALID_REFRESH_TOKEN = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' };

/** The fields of Auth0's token response that carries a refresh token, in the order Auth0 writes them. */
export const TOKEN_RESPONSE_FIELDS = ['access_token', 'refresh_token', 'id_token', 'scope', 'expires_in', 'token_type'];
