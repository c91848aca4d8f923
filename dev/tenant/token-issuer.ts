// Issues tokens of the same shapes as Auth0's implicit flow, so the API and the app meet here
// exactly what they will meet with a real tenant.
import { createHash } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { AuthorizeRequest } from './authorize-request';
import { profileOf, type DemoUser } from './demo-users';
import { randomId } from './random-id';
import { grantedScopes } from './scopes';
import type { SigningKey } from './signing-key';
import type { ExpiringStore } from './expiring-store';
import { userinfoAudience, type TenantRegistry } from './tenant-registry';

const ID_TOKEN_TTL_SECONDS = 36_000;

/** What an opaque access token (no audience requested) stands for; only /userinfo accepts it. */
export interface OpaqueTokenGrant {
  sub: string;
  scope: string;
}

export interface AuthorizationResult {
  access_token?: string;
  scope: string;
  expires_in?: number;
  token_type?: 'Bearer';
  id_token?: string;
}

export interface TokenIssuerDeps {
  registry: TenantRegistry;
  key: SigningKey;
  opaqueTokens: ExpiringStore<OpaqueTokenGrant>;
  now?: () => number;
}

/** at_hash (OIDC Core 3.2.2.9): left half of the SHA-256 of the access token, base64url. */
export function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

function sign(key: SigningKey, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

function profileClaims(user: DemoUser, scopes: readonly string[]): Record<string, unknown> {
  const profile = profileOf(user);
  return {
    ...(scopes.includes('profile')
      ? { name: profile.name, nickname: profile.nickname, updated_at: profile.updated_at }
      : {}),
    ...(scopes.includes('email') ? { email: profile.email, email_verified: profile.email_verified } : {}),
  };
}

export async function issueTokens(
  deps: TokenIssuerDeps,
  request: AuthorizeRequest,
  user: DemoUser,
  sid: string,
): Promise<AuthorizationResult> {
  const { registry, key } = deps;
  const iat = Math.floor((deps.now ?? Date.now)() / 1000);
  // Without an audience Auth0 grants no API scopes: the token is only good for /userinfo.
  const scopes = grantedScopes(request.requestedScopes, request.audience ? registry.api : undefined, user);
  const scope = scopes.join(' ');
  let accessToken: string | undefined;
  if (request.wantsAccessToken && request.audience) {
    accessToken = await sign(key, {
      iss: registry.issuer,
      sub: user.sub,
      aud: scopes.includes('openid') ? [request.audience, userinfoAudience(registry)] : request.audience,
      iat,
      exp: iat + registry.accessTokenTtlSeconds,
      azp: request.client.clientId,
      scope,
    });
  } else if (request.wantsAccessToken) {
    accessToken = randomId(24);
    deps.opaqueTokens.set(accessToken, { sub: user.sub, scope });
  }
  // Field order as Auth0 writes the fragment.
  const result: AuthorizationResult = accessToken
    ? { access_token: accessToken, scope, expires_in: registry.accessTokenTtlSeconds, token_type: 'Bearer' }
    : { scope };

  if (request.wantsIdToken) {
    result.id_token = await sign(key, {
      ...profileClaims(user, scopes),
      iss: registry.issuer,
      sub: user.sub,
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
