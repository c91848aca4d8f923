// GET and POST /login: the form that stands in for Auth0's Universal Login.
import express, { Router, type Request, type Response } from 'express';
import type { TenantContext } from '../context';
import { finishLogin } from '../authorize/finish-login';
import { authorizationErrors } from '../authorize/response-modes';
import { passwordMatches } from '../model/tenant-users';
import { OAuthError } from '../shared/oauth-error';
import { startSession } from '../stores/sessions';
import { crossSiteProblem } from './cross-site-post';
import { sendLoginPage, type LoginPageOptions } from './page';
import { endLogin, isSameBrowser, PENDING_LOGIN_TTL_MS, type PendingLogin } from './transaction';

const EXPIRED_LOGIN = `This login request is unknown or has expired (after ${PENDING_LOGIN_TTL_MS / 60_000} minutes). Go back to the app and click Log In again.`;
const OTHER_BROWSER =
  'This login was not started in this browser (its login cookie is missing or expired), so the dev tenant refuses it. Go back to the app and click Log In again.';

function field(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The page's form-action: where the post may redirect to, the client's callbacks. */
function pageFor(ctx: TenantContext, tx: string, pending: PendingLogin, username?: string): LoginPageOptions {
  const { client } = pending.request;
  return {
    tx,
    clientName: client.name,
    users: ctx.users.all(),
    username,
    formTargets: [...new Set(client.callbackUrls.map((url) => new URL(url).origin))],
  };
}

/** The login `tx` names, or a thrown OAuthError for the error page. */
function pendingLogin(ctx: TenantContext, tx: string | undefined): { tx: string; pending: PendingLogin } {
  const pending = tx ? ctx.pendingLogins.get(tx) : undefined;
  if (!tx || !pending) throw new OAuthError(400, 'invalid_request', EXPIRED_LOGIN);
  return { tx, pending };
}

/** The checks before the credentials are even looked at; each refusal is the error page. */
function requireThisBrowser(req: Request, tx: string, pending: PendingLogin): void {
  const crossSite = crossSiteProblem(req);
  if (crossSite) throw new OAuthError(403, 'access_denied', crossSite);
  if (!isSameBrowser(req, tx, pending)) throw new OAuthError(403, 'access_denied', OTHER_BROWSER);
}

/** Not an error page: the login form again, with a message; a blocked account also gets Retry-After. */
function refuse(ctx: TenantContext, res: Response, page: LoginPageOptions, blockedForSeconds: number): void {
  if (blockedForSeconds > 0) {
    res.set('Retry-After', String(blockedForSeconds));
    sendLoginPage(res, 429, {
      ...page,
      errorCode: 'too_many_attempts',
      errorMessage: `Your account has been blocked after ${ctx.loginAttempts.policy.maxFailures} consecutive failed login attempts. The dev tenant unblocks it by itself in ${Math.ceil(blockedForSeconds / 60)} minute(s), or when it restarts.`,
    });
    return;
  }
  sendLoginPage(res, 401, { ...page, errorMessage: 'Wrong email or password.' });
}

export function loginRoutes(ctx: TenantContext): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const { tx, pending } = pendingLogin(ctx, field(req.query, 'tx'));
    sendLoginPage(res, 200, pageFor(ctx, tx, pending));
  });

  router.post('/login', express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const { tx, pending } = pendingLogin(ctx, field(req.body, 'tx'));
    requireThisBrowser(req, tx, pending);

    const username = field(req.body, 'username') ?? '';
    const page = pageFor(ctx, tx, pending, username);
    const user = ctx.users.findByEmail(username);
    // A blocked account is refused before its password is checked, as Auth0 does.
    const blocked = user ? ctx.loginAttempts.blockedForSeconds(user.userId) : 0;
    if (!user || blocked > 0 || !passwordMatches(user, field(req.body, 'password') ?? '')) {
      refuse(ctx, res, page, user && blocked === 0 ? ctx.loginAttempts.recordFailure(user.userId) : blocked);
      return;
    }
    ctx.loginAttempts.recordSuccess(user.userId);
    endLogin(ctx.pendingLogins, res, tx);
    // What /authorize would have answered had the session existed: tokens, back to the client,
    // unless a post-login action refuses (then no session either).
    await finishLogin(ctx, {
      req,
      res,
      request: pending.request,
      user,
      authenticatedAt: new Date().toISOString(),
      loginsCount: ctx.users.recordLogin(user.userId),
      establishSession: () => startSession(ctx.sessions, req, res, user).sid,
    });
  });

  router.use(authorizationErrors);
  return router;
}
