// Issues tokens of the same shapes as Auth0's implicit flow, so the API and the app meet here
// exactly what they will meet with a real tenant. The token endpoint's grants (a code, a refresh
// token) sign the same claims.
import { createHash } from 'node:crypto';
import { grantScopes, type Grant } from '../model/grant-scopes';
import { accessTokenLifetime, userinfoAudience } from '../model/lookups';
import type { ResourceServer, TenantModel, TenantUser } from '../model/tenant-model';
import { profileOf } from '../model/tenant-users';
import { randomId } from '../shared/random-id';
import { sign } from '../shared/sign';
import type { SigningKey } from '../shared/signing-key';
import type { ExpiringStore } from '../stores/expiring-store';
import { OPAQUE_TOKEN_TTL_SECONDS, type OpaqueTokenGrant } from '../stores/opaque-tokens';
import type { AuthorizeRequest } from './checks';

const ID_TOKEN_TTL_SECONDS = 36_000;

// A type, not an interface: the response modes take it as a record of fields.
export type AuthorizationResult = {
  access_token?: string;
  scope: string;
  expires_in?: number;
  token_type?: 'Bearer';
  id_token?: string;
};

/** Claims the post-login actions set, per token; already checked against Auth0's restrictions. */
export interface CustomClaims {
  accessToken: Readonly<Record<string, unknown>>;
  idToken: Readonly<Record<string, unknown>>;
}

export interface TokenIssuerDeps {
  tenant: TenantModel;
  key: SigningKey;
  /** DEV_TENANT_TOKEN_TTL, when set. */
  settings: { accessTokenTtlSeconds?: number };
  opaqueTokens: ExpiringStore<OpaqueTokenGrant>;
  now?: () => number;
}

/** at_hash (OIDC Core 3.2.2.9): left half of the SHA-256 of the access token, base64url. */
function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

function profileClaims(user: TenantUser, scopes: readonly string[]): Record<string, unknown> {
  const { sub: _sub, email, email_verified, ...profile } = profileOf(user);
  return {
    ...(scopes.includes('profile') ? profile : {}),
    ...(scopes.includes('email') ? { email, email_verified } : {}),
  };
}

/** What an access token for `api` says, in Auth0's shape, whichever endpoint issues it. */
export function accessTokenClaims(
  tenant: TenantModel,
  t: {
    api: ResourceServer;
    user: TenantUser;
    clientId: string;
    grant: Grant;
    custom: CustomClaims;
    iat: number;
    expiresIn: number;
  },
): Record<string, unknown> {
  const scope = t.grant.scopes.join(' ');
  return {
    // Custom claims first: the registered ones below always win (the actions cannot set them anyway).
    ...t.custom.accessToken,
    iss: tenant.issuer,
    sub: t.user.userId,
    aud: t.grant.scopes.includes('openid') ? [t.api.identifier, userinfoAudience(tenant)] : t.api.identifier,
    iat: t.iat,
    exp: t.iat + t.expiresIn,
    azp: t.clientId,
    scope,
    ...(t.grant.permissions ? { permissions: t.grant.permissions } : {}),
  };
}

/** What an id_token says: the profile the scopes allow, the actions' claims, then the registered claims. */
export function idTokenClaims(
  tenant: TenantModel,
  t: {
    user: TenantUser;
    clientId: string;
    scopes: readonly string[];
    custom: CustomClaims;
    iat: number;
    sid: string;
    nonce?: string;
    accessToken?: string;
  },
): Record<string, unknown> {
  return {
    ...profileClaims(t.user, t.scopes),
    ...t.custom.idToken,
    iss: tenant.issuer,
    sub: t.user.userId,
    aud: t.clientId,
    iat: t.iat,
    exp: t.iat + ID_TOKEN_TTL_SECONDS,
    sid: t.sid,
    ...(t.accessToken ? { at_hash: atHash(t.accessToken) } : {}),
    ...(t.nonce !== undefined ? { nonce: t.nonce } : {}),
  };
}

export async function issueTokens(
  deps: TokenIssuerDeps,
  request: AuthorizeRequest,
  user: TenantUser,
  sid: string,
  custom: CustomClaims = { accessToken: {}, idToken: {} },
): Promise<AuthorizationResult> {
  const { tenant, key } = deps;
  const iat = Math.floor((deps.now ?? Date.now)() / 1000);
  const api = request.resourceServer;
  const grant = grantScopes(tenant, request.requestedScopes, api, user);
  const scope = grant.scopes.join(' ');
  let accessToken: string | undefined;
  let expiresIn = deps.settings.accessTokenTtlSeconds ?? OPAQUE_TOKEN_TTL_SECONDS;
  if (request.wantsAccessToken && api) {
    expiresIn = accessTokenLifetime(api, 'web', deps.settings.accessTokenTtlSeconds);
    const clientId = request.client.clientId;
    accessToken = await sign(key, accessTokenClaims(tenant, { api, user, clientId, grant, custom, iat, expiresIn }));
  } else if (request.wantsAccessToken) {
    accessToken = randomId(24);
    deps.opaqueTokens.set(accessToken, { sub: user.userId, scope });
  }
  // Field order as Auth0 writes the fragment.
  const result: AuthorizationResult = accessToken
    ? { access_token: accessToken, scope, expires_in: expiresIn, token_type: 'Bearer' }
    : { scope };

  if (request.wantsIdToken) {
    result.id_token = await sign(
      key,
      idTokenClaims(tenant, {
        user,
        clientId: request.client.clientId,
        scopes: grant.scopes,
        custom,
        iat,
        sid,
        nonce: request.nonce,
        accessToken: result.access_token,
      }),
    );
  }
  return result;
}
