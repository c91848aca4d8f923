// The public documents: OpenID discovery and the JWKS. Browsers fetch the JWKS cross-origin
// (auth0-js checks the id_token's signature in the page), so both allow any origin. The response
// types, modes and grants are read from the tables /authorize and /oauth/token serve.
import { Router } from 'express';
import { RESPONSE_MODE_NAMES } from './authorize/response-modes';
import { ANNOUNCED_RESPONSE_TYPES, AUTHORIZE_GRANT_TYPES } from './authorize/response-types';
import type { TenantContext } from './context';
import { OIDC_SCOPES } from './model/grant-scopes';
import { GRANTS } from './token/grants';

export function discoveryRoutes(ctx: TenantContext): Router {
  const router = Router();
  const { issuer } = ctx.tenant;
  const apiScopes = ctx.tenant.resourceServers
    .filter((api) => !api.isManagementApi)
    .flatMap((api) => api.scopes.map((scope) => scope.value));

  router.use('/.well-known', (_req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    next();
  });

  router.get('/.well-known/jwks.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=600').json({ keys: [ctx.key.publicJwk] });
  });

  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=600').json({
      issuer,
      authorization_endpoint: `${issuer}authorize`,
      token_endpoint: `${issuer}oauth/token`,
      userinfo_endpoint: `${issuer}userinfo`,
      jwks_uri: `${issuer}.well-known/jwks.json`,
      end_session_endpoint: `${issuer}v2/logout`,
      revocation_endpoint: `${issuer}oauth/revoke`,
      response_types_supported: ANNOUNCED_RESPONSE_TYPES,
      response_modes_supported: RESPONSE_MODE_NAMES,
      grant_types_supported: [...new Set([...AUTHORIZE_GRANT_TYPES, ...Object.keys(GRANTS)])],
      // `none`: a SPA redeems its code with its PKCE verifier and no secret.
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: [...new Set([...OIDC_SCOPES, 'offline_access', ...apiScopes])],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nonce',
        'at_hash',
        'sid',
        'name',
        'nickname',
        'email',
        'email_verified',
        'updated_at',
      ],
      request_parameter_supported: false,
    });
  });

  return router;
}
