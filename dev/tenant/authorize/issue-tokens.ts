// Issues tokens of the same shapes as Auth0's implicit flow, so the API and the app meet here
// exactly what they will meet with a real tenant.
import { createHash } from 'node:crypto';
import { grantScopes } from '../model/grant-scopes';
import { accessTokenLifetime, userinfoAudience } from '../model/lookups';
import type { TenantModel, TenantUser } from '../model/tenant-model';
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
    accessToken = await sign(key, {
      // Custom claims first: the registered ones below always win (the actions cannot set them anyway).
      ...custom.accessToken,
      iss: tenant.issuer,
      sub: user.userId,
      aud: grant.scopes.includes('openid') ? [api.identifier, userinfoAudience(tenant)] : api.identifier,
      iat,
      exp: iat + expiresIn,
      azp: request.client.clientId,
      scope,
      ...(grant.permissions ? { permissions: grant.permissions } : {}),
    });
  } else if (request.wantsAccessToken) {
    accessToken = randomId(24);
    deps.opaqueTokens.set(accessToken, { sub: user.userId, scope });
  }
  // Field order as Auth0 writes the fragment.
  const result: AuthorizationResult = accessToken
    ? { access_token: accessToken, scope, expires_in: expiresIn, token_type: 'Bearer' }
    : { scope };

  if (request.wantsIdToken) {
    result.id_token = await sign(key, {
      ...profileClaims(user, grant.scopes),
      ...custom.idToken,
      iss: tenant.issuer,
      sub: user.userId,
      aud: request.client.clientId,
      iat,
      exp: iat + ID_TOKEN_TTL_SECONDS,
      sid,
      ...(result.access_token ? { at_hash: atHash(result.access_token) } : {}),
      nonce: request.nonce,
    });
  }
  return result;
}
