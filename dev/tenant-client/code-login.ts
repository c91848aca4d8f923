// The authorization code flow over plain HTTP, as auth0-spa-js runs it in a browser: a PKCE pair,
// /authorize with response_type=code and offline_access, the login form, the code from the redirect's
// query redeemed at /oauth/token, then one refresh. The doctor's round trip for AUTH_FLOW=code uses it.
import { createHash, randomBytes } from 'node:crypto';
import { DEV_TENANT_CLIENT_ID, REQUESTED_SCOPE } from '../../config/load-config';
import { DevTenantError, redirectAfterLogin, type GetTokensParams } from './log-in';

export interface CodeFlowTokens {
  accessToken: string;
  scope: string;
  /** Absent when the tenant issues none (no offline access for the API, or the client lacks the grant). */
  refreshToken?: string;
}

/** POST /oauth/token: the JSON answer, or the tenant's refusal as a DevTenantError. */
export async function postToken(tenantUrl: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(new URL('/oauth/token', tenantUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(4000),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const text = (value: unknown, otherwise: string) => (typeof value === 'string' ? value : otherwise);
  if (!response.ok) {
    throw new DevTenantError(text(body.error, `http_${response.status}`), text(body.error_description, ''));
  }
  return body;
}

export async function getTokensWithCode(tenantUrl: string, params: GetTokensParams): Promise<CodeFlowTokens> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const clientId = params.clientId ?? DEV_TENANT_CLIENT_ID;
  const authorizeUrl = new URL('/authorize', tenantUrl);
  const query: Record<string, string | undefined> = {
    client_id: clientId,
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: params.redirectUri,
    scope: `${params.scope ?? REQUESTED_SCOPE} offline_access`,
    audience: params.audience,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) authorizeUrl.searchParams.set(name, value);
  }
  const callback = new URL(await redirectAfterLogin(tenantUrl, authorizeUrl, params));
  const error = callback.searchParams.get('error');
  if (error) throw new DevTenantError(error, callback.searchParams.get('error_description') ?? '');
  if (callback.searchParams.get('state') !== state) {
    throw new DevTenantError('invalid_state', 'The state in the response does not match.');
  }
  const tokens = await postToken(tenantUrl, {
    grant_type: 'authorization_code',
    client_id: clientId,
    code: callback.searchParams.get('code') ?? '',
    code_verifier: verifier,
    redirect_uri: params.redirectUri,
  });
  return {
    accessToken: String(tokens.access_token),
    scope: typeof tokens.scope === 'string' ? tokens.scope : '',
    ...(typeof tokens.refresh_token === 'string' ? { refreshToken: tokens.refresh_token } : {}),
  };
}
