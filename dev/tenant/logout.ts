// GET /v2/logout: ends the tenant session (auth0-js logout()). returnTo must be an allowed logout
// URL of the client, otherwise this would be an open redirect.
import { Router } from 'express';
import type { TenantContext } from './context';
import { findClient } from './model/lookups';
import { sendPage } from './shared/html';
import { OAuthError, oauthErrorHandler } from './shared/oauth-error';
import { endSession } from './stores/sessions';

function single(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function logoutRoutes(ctx: TenantContext): Router {
  const router = Router();
  router.get('/v2/logout', (req, res) => {
    res.set('Cache-Control', 'no-store');
    // The user asked to log out: do it even when the redirect below is refused.
    endSession(ctx.sessions, req, res);
    const clientId = single(req.query.client_id);
    const returnTo = single(req.query.returnTo);
    const client = findClient(ctx.tenant, clientId);
    if (clientId !== undefined && !client) throw new OAuthError(400, 'invalid_request', `Unknown client: ${clientId}`);
    if (returnTo === undefined) {
      sendPage(res, 200, {
        title: 'Logged out',
        body: '<h1>You are logged out</h1><p class="note">You can close this page.</p>',
      });
      return;
    }
    if (!client) throw new OAuthError(400, 'invalid_request', 'Missing parameter client_id, needed to check returnTo.');
    if (!client.logoutUrls.includes(returnTo)) {
      throw new OAuthError(
        400,
        'invalid_request',
        `The returnTo URL ${returnTo} is not in the allowed logout URLs of client ${client.clientId} (${client.logoutUrls.join(', ')}).`,
      );
    }
    res.redirect(302, returnTo);
  });
  router.use(oauthErrorHandler('page'));
  return router;
}
