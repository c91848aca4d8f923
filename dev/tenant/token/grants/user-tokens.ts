// A user's tokens from the token endpoint (a redeemed code, a refresh token): the access token and
// id_token of the same shapes as /authorize's, and a refresh token when Auth0 would issue one. From
// Auth0's "Get Refresh Tokens" and "Update Access Token Lifetime": only with offline_access asked for,
// an API that allows offline access and a client with the refresh_token grant type; and access tokens
// live the API's token_lifetime (token_lifetime_for_web is the implicit flow's).
import { accessTokenClaims, idTokenClaims, type CustomClaims } from '../../authorize/issue-tokens';
import type { TenantContext } from '../../context';
import { grantScopes } from '../../model/grant-scopes';
import { accessTokenLifetime } from '../../model/lookups';
import type { ResourceServer, TenantClient, TenantUser } from '../../model/tenant-model';
import { randomId } from '../../shared/random-id';
import { sign } from '../../shared/sign';
import { OPAQUE_TOKEN_TTL_SECONDS } from '../../stores/opaque-tokens';
import type { TokenResponse } from './grant';

export interface UserGrant {
  user: TenantUser;
  client: TenantClient;
  api: ResourceServer | undefined;
  requestedScopes: readonly string[];
  sid: string;
  custom: CustomClaims;
  /** The login's nonce (a code's id_token); a refreshed id_token has none. */
  nonce?: string;
}

const OFFLINE_ACCESS = 'offline_access';

/** Whether this grant earns a refresh token, by Auth0's three conditions. */
export function offlineAccess({ client, api, requestedScopes }: UserGrant): boolean {
  return (
    requestedScopes.includes(OFFLINE_ACCESS) &&
    api?.allowOfflineAccess === true &&
    client.grantTypes.includes('refresh_token')
  );
}

/** `refreshToken`: the one to answer with (a new login's, or a rotation's); none for a non-rotating refresh. */
export async function issueUserTokens(
  ctx: TenantContext,
  grant: UserGrant,
  now: number,
  refreshToken?: string,
): Promise<TokenResponse> {
  const { user, client, api, custom } = grant;
  const iat = Math.floor(now / 1000);
  const granted = grantScopes(ctx.tenant, grant.requestedScopes, api, user);
  // offline_access is an OIDC scope the response names when a refresh token comes with it.
  const scopes = offlineAccess(grant)
    ? [
        ...granted.scopes.filter((scope) => !scope.includes(':')),
        OFFLINE_ACCESS,
        ...granted.scopes.filter((scope) => scope.includes(':')),
      ]
    : granted.scopes;
  const scope = scopes.join(' ');
  let accessToken: string;
  let expiresIn: number;
  if (api) {
    expiresIn = accessTokenLifetime(api, 'token_endpoint', ctx.settings.accessTokenTtlSeconds);
    const clientId = client.clientId;
    accessToken = await sign(
      ctx.key,
      accessTokenClaims(ctx.tenant, { api, user, clientId, grant: granted, custom, iat, expiresIn }),
    );
  } else {
    // No audience: an opaque token, good for /userinfo only, as from /authorize.
    expiresIn = ctx.settings.accessTokenTtlSeconds ?? OPAQUE_TOKEN_TTL_SECONDS;
    accessToken = randomId(24);
    ctx.opaqueTokens.set(accessToken, { sub: user.userId, scope: granted.scopes.join(' ') });
  }
  const idToken = granted.scopes.includes('openid')
    ? await sign(
        ctx.key,
        idTokenClaims(ctx.tenant, {
          user,
          clientId: client.clientId,
          scopes: granted.scopes,
          custom,
          iat,
          sid: grant.sid,
          ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
        }),
      )
    : undefined;
  return {
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    ...(idToken ? { id_token: idToken } : {}),
    scope,
    expires_in: expiresIn,
    token_type: 'Bearer',
  };
}
