// POST /oauth/revoke (Auth0's "Revoke Refresh Tokens", RFC 7009): the client ends a refresh token,
// and with it the token's family, e.g. at logout (auth0-spa-js revokeRefreshToken()). The client
// authenticates as at the token endpoint; a token it does not know is answered 200 all the same
// (RFC 7009 2.2: nothing to revoke), another client's token is refused and stays valid. CORS as the
// token endpoint's.
import { Router } from 'express';
import type { TenantContext } from '../context';
import { OAuthError, oauthErrorHandler } from '../shared/oauth-error';
import { authenticateClient } from './client-auth';
import { tokenErrors } from './errors';
import { readTokenRequest } from './request';
import { readBody, unreadableBody } from './route';
import { tokenCors, tokenPreflight } from './token-cors';

export function revokeRoutes(ctx: TenantContext): Router {
  const router = Router();
  router.options('/oauth/revoke', tokenPreflight(ctx));
  router.post('/oauth/revoke', ...readBody, tokenCors(ctx), (req, res) => {
    res.set('Cache-Control', 'no-store');
    const request = readTokenRequest(req, ['token']);
    const client = authenticateClient(ctx.tenant, request);
    const token = request.params.token;
    if (token === undefined) throw tokenErrors.missing('token');
    if (ctx.refreshTokens.revoke(token, client.clientId) === 'other-client') {
      // Auth0 documents the refusal, not its sentence.
      throw new OAuthError(403, 'invalid_grant', 'The refresh token was issued to another client.');
    }
    res.status(200).end();
  });
  router.use(unreadableBody, oauthErrorHandler('json'));
  return router;
}
