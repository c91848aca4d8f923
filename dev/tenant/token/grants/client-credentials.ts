// The token endpoint's decisions, in Auth0's order: the grant type, the client (authenticated by
// its secret), whether it may use the grant, then for client credentials the API, the client grant
// for that API and the scopes. A client-credentials token is the shape Auth0 issues: sub
// `<client_id>@clients`, aud the API (a string), gty `client-credentials`, the granted scopes, and
// `permissions` too when the API has RBAC with the access_token_authz dialect.
import { sameSecret } from '../../shared/cookies';
import { accessTokenLifetime, findClient, findResourceServer } from '../../model/lookups';
import type { TenantClient } from '../../model/tenant-model';
import { parseScope } from '../../model/grant-scopes';
import type { TenantContext } from '../../context';
import { sign } from '../../shared/sign';
import { TokenError, tokenErrors } from '../errors';
import type { TokenRequest } from '../request';

export interface TokenResponse {
  access_token: string;
  scope: string;
  expires_in: number;
  token_type: 'Bearer';
}

/** Grant types Auth0's token endpoint knows; the dev tenant emulates client_credentials among them. */
const AUTH0_GRANT_TYPES = new Set([
  'client_credentials',
  'authorization_code',
  'refresh_token',
  'password',
  'http://auth0.com/oauth/grant-type/password-realm',
  'urn:ietf:params:oauth:grant-type:device_code',
  'http://auth0.com/oauth/grant-type/mfa-otp',
  'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-recovery-code',
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'urn:ietf:params:oauth:grant-type:token-exchange',
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
  'urn:openid:params:grant-type:ciba',
]);

/**
 * The client the request names, its secret checked when it has one. A client without a secret (a
 * SPA) is not refused here: Auth0 tells it which grant it lacks (unauthorized_client) first.
 */
function identify(ctx: TenantContext, request: TokenRequest): TenantClient | TokenError {
  if (request.clientId === undefined) return tokenErrors.missing('client_id');
  const client = findClient(ctx.tenant, request.clientId);
  if (!client) return tokenErrors.unauthorized();
  if (client.clientSecret !== undefined) {
    if (request.clientSecret === undefined || !sameSecret(request.clientSecret, client.clientSecret)) {
      return tokenErrors.unauthorized();
    }
  }
  return client;
}

async function clientCredentialsToken(
  ctx: TenantContext,
  client: TenantClient,
  request: TokenRequest,
  now: number,
): Promise<TokenResponse | TokenError> {
  if (request.audience === undefined) return tokenErrors.noAudience();
  const api = findResourceServer(ctx.tenant, request.audience);
  if (!api) return tokenErrors.unknownAudience(request.audience);
  const grant = ctx.tenant.clientGrants.find((g) => g.clientId === client.clientId && g.audience === api.identifier);
  if (!grant) return tokenErrors.noClientGrant(api.identifier);
  // Without `scope`, everything the grant allows; with it, a subset, or nothing at all.
  const requested = request.scope === undefined ? [...grant.scopes] : parseScope(request.scope);
  const notGranted = requested.filter((scope) => !grant.scopes.includes(scope));
  if (notGranted.length) return tokenErrors.scopesNotGranted(notGranted);
  const scopes = grant.scopes.filter((scope) => requested.includes(scope));

  const iat = Math.floor(now / 1000);
  const expiresIn = accessTokenLifetime(api, 'client_credentials', ctx.settings.accessTokenTtlSeconds);
  const withPermissions = api.enforcePolicies && api.tokenDialect === 'access_token_authz';
  const accessToken = await sign(ctx.key, {
    iss: ctx.tenant.issuer,
    sub: `${client.clientId}@clients`,
    aud: api.identifier,
    iat,
    exp: iat + expiresIn,
    scope: scopes.join(' '),
    gty: 'client-credentials',
    azp: client.clientId,
    ...(withPermissions ? { permissions: scopes } : {}),
  });
  // Field order as Auth0 writes it.
  return { access_token: accessToken, scope: scopes.join(' '), expires_in: expiresIn, token_type: 'Bearer' };
}

/** Answers one token request: a token, or the refusal Auth0 would give. */
export async function exchangeToken(
  ctx: TenantContext,
  request: TokenRequest,
  now = Date.now(),
): Promise<TokenResponse | TokenError> {
  const grantType = request.grantType;
  if (grantType === undefined) return tokenErrors.missing('grant_type');
  if (!AUTH0_GRANT_TYPES.has(grantType)) return tokenErrors.unsupportedGrantType(grantType);
  const client = identify(ctx, request);
  if (client instanceof TokenError) return client;
  if (!client.grantTypes.includes(grantType)) return tokenErrors.grantTypeNotAllowed(grantType);
  if (grantType !== 'client_credentials') return tokenErrors.notEmulatedGrantType(grantType);
  // Client credentials needs a client that authenticates; a tenant file may list one with the
  // grant but no client_secret (an a0deploy export has none), and it gets no token.
  if (client.clientSecret === undefined) return tokenErrors.unauthorized();
  return clientCredentialsToken(ctx, client, request, now);
}
