// GET /authorize: the implicit flow's entry point (auth0-js authorize() and checkSession()).
import { Router } from 'express';
import type { TenantContext } from '../context';
import { beginLogin } from '../login/transaction';
import { OAuthError } from '../shared/oauth-error';
import { readSessionId } from '../stores/sessions';
import { readAuthorizeRequest, targetOf } from './checks';
import { finishLogin } from './finish-login';
import { authorizationErrors } from './response-modes';

export function authorizeRoutes(ctx: TenantContext): Router {
  const router = Router();
  router.get('/authorize', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const request = readAuthorizeRequest(ctx.tenant, req.query);
    const sessionId = readSessionId(req);
    const session = sessionId ? ctx.sessions.get(sessionId) : undefined;
    const user = session ? ctx.users.findById(session.sub) : undefined;

    if (session && user && request.prompt !== 'login') {
      // Silent authentication: the post-login actions run again, as at every login.
      await finishLogin(ctx, {
        req,
        res,
        request,
        user,
        authenticatedAt: session.authenticatedAt,
        loginsCount: ctx.users.loginsCount(user.userId),
        establishSession: () => session.sid,
      });
      return;
    }
    if (request.prompt === 'none') {
      throw new OAuthError(400, 'login_required', 'Login required', { target: targetOf(request) });
    }
    // The request stays here; the login page only carries its random id, and this browser a cookie.
    const tx = beginLogin(ctx.pendingLogins, res, request);
    res.redirect(302, `/login?tx=${encodeURIComponent(tx)}`);
  });
  router.use(authorizationErrors);
  return router;
}
