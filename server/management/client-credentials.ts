// One client-credentials request: the API's own machine-to-machine client asks the tenant's token
// endpoint for a Management API token. No caching here (token-cache.ts does that).
import { tokenRequestRefused, unreadableAnswer } from './tenant-failures';
import { callTenant } from './tenant-request';

export interface ClientCredentials {
  /** `<issuer>oauth/token` */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The Management API's identifier, `<issuer>api/v2/`. */
  audience: string;
  timeoutMs: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
  /** The scopes granted, space separated, as the token endpoint lists them. */
  scope: string;
}

/** Resolves with the token, or rejects with a ProxyError 502 that says what to fix. */
export async function requestClientCredentialsToken(client: ClientCredentials): Promise<IssuedToken> {
  const what = "the API's token request";
  const answer = await callTenant({
    method: 'POST',
    url: client.tokenUrl,
    // A form, as RFC 6749 section 4.4.2 has it (Auth0 also takes JSON).
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      audience: client.audience,
    }),
    timeoutMs: client.timeoutMs,
    what,
  });
  if (answer.status < 200 || answer.status > 299) throw tokenRequestRefused(answer, client.tokenUrl, client.clientId);
  const { access_token, expires_in, scope } = (answer.body ?? {}) as Record<string, unknown>;
  if (typeof access_token !== 'string' || !access_token) throw unreadableAnswer(what, 'has no access_token');
  if (typeof expires_in !== 'number' || !(expires_in > 0)) throw unreadableAnswer(what, 'has no valid expires_in');
  return { accessToken: access_token, expiresInSeconds: expires_in, scope: typeof scope === 'string' ? scope : '' };
}
