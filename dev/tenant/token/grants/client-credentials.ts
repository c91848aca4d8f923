// The client credentials grant: a backend's own token for an API, decided in Auth0's order: a client
// that authenticates, the API, the client grant for that API, then the scopes. The token is the
// shape Auth0 issues: sub `<client_id>@clients`, aud the API (a string), gty `client-credentials`,
// the granted scopes, and `permissions` too when the API has RBAC with the access_token_authz dialect.
import { parseScope } from '../../model/grant-scopes';
import { accessTokenLifetime, findResourceServer } from '../../model/lookups';
import { sign } from '../../shared/sign';
import { tokenErrors } from '../errors';
import type { Grant } from './grant';

export const clientCredentials: Grant = {
  parameters: ['audience', 'scope'],

  async exchange(ctx, client, params, now) {
    // It needs a client that authenticates; a tenant file may list one with the grant but no
    // client_secret (an a0deploy export has none), and it gets no token.
    if (client.clientSecret === undefined) throw tokenErrors.unauthorized();
    if (params.audience === undefined) throw tokenErrors.noAudience();
    const api = findResourceServer(ctx.tenant, params.audience);
    if (!api) throw tokenErrors.unknownAudience(params.audience);
    const grant = ctx.tenant.clientGrants.find((g) => g.clientId === client.clientId && g.audience === api.identifier);
    if (!grant) throw tokenErrors.noClientGrant(api.identifier);
    // Without `scope`, everything the grant allows; with it, a subset, or nothing at all.
    const requested = params.scope === undefined ? [...grant.scopes] : parseScope(params.scope);
    const notGranted = requested.filter((scope) => !grant.scopes.includes(scope));
    if (notGranted.length) throw tokenErrors.scopesNotGranted(notGranted);
    const scopes = grant.scopes.filter((scope) => requested.includes(scope));

    const iat = Math.floor(now / 1000);
    const expiresIn = accessTokenLifetime(api, 'token_endpoint', ctx.settings.accessTokenTtlSeconds);
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
    return { access_token: accessToken, scope: scopes.join(' '), expires_in: expiresIn, token_type: 'Bearer' };
  },
};
