// GET /authorize: the implicit flow's entry point (auth0-js authorize() and checkSession()).
import type { RequestHandler } from 'express';
import { sendAuthorizationResponse } from './response-modes';
import { validateAuthorizeRequest } from './checks';
import { finishLogin } from './finish-login';
import { sendErrorPage } from '../shared/html';
import { beginLogin } from '../login/transaction';
import { readSessionId } from '../stores/sessions';
import type { TenantContext } from '../context';

export function authorizeRoute(ctx: TenantContext): RequestHandler {
  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const validation = validateAuthorizeRequest(ctx.tenant, req.query);
    if (validation.kind === 'page-error') {
      sendErrorPage(res, 400, validation.error, validation.description);
      return;
    }
    if (validation.kind === 'client-error') {
      sendAuthorizationResponse(res, validation.target, {
        error: validation.error,
        error_description: validation.description,
      });
      return;
    }

    const request = validation.request;
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
      sendAuthorizationResponse(res, request, { error: 'login_required', error_description: 'Login required' });
      return;
    }
    // The request stays here; the login page only carries its random id, and this browser a cookie.
    const tx = beginLogin(ctx.pendingLogins, res, request);
    res.redirect(302, `/login?tx=${encodeURIComponent(tx)}`);
  };
}
