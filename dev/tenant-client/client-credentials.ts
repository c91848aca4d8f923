// Gets a client-credentials token from a tenant's /oauth/token, as a backend would (form body,
// client_secret_post). `npm run -s token -- --m2m` uses it; so can a spec.
import { DevTenantError } from './log-in';

export interface ClientCredentialsParams {
  clientId: string;
  clientSecret: string;
  audience: string;
  /** Default: everything the client grant allows. */
  scope?: string;
}

export interface ClientCredentialsToken {
  accessToken: string;
  scope: string;
  expiresIn: number;
}

/** Rejects with DevTenantError (the tenant's error and description) on a refusal; any other rejection means no answer. */
export async function getClientCredentialsToken(
  tenantUrl: string,
  params: ClientCredentialsParams,
): Promise<ClientCredentialsToken> {
  const response = await fetch(new URL('/oauth/token', tenantUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: params.clientId,
      client_secret: params.clientSecret,
      audience: params.audience,
      ...(params.scope !== undefined ? { scope: params.scope } : {}),
    }),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new DevTenantError(
      typeof body.error === 'string' ? body.error : `http_${response.status}`,
      typeof body.error_description === 'string'
        ? body.error_description
        : `POST /oauth/token answered ${response.status}.`,
    );
  }
  return {
    accessToken: body.access_token,
    scope: typeof body.scope === 'string' ? body.scope : '',
    expiresIn: Number(body.expires_in),
  };
}
