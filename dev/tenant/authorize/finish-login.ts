// The end of every successful authentication, interactive (POST /login) or silent (/authorize
// with a session): the post-login actions run, then the client gets its tokens, or access_denied
// with the reason an action gave.
import type { Request, Response } from 'express';
import { sendAuthorizationResponse } from './response-modes';
import type { AuthorizeRequest } from './checks';
import type { TenantUser } from '../model/tenant-model';
import { runPostLoginActions } from '../post-login/run-post-login';
import type { TenantContext } from '../context';
import { issueTokens } from './issue-tokens';

export interface Authentication {
  req: Request;
  res: Response;
  request: AuthorizeRequest;
  user: TenantUser;
  /** When the user entered their password. */
  authenticatedAt: string;
  loginsCount: number;
  /** Called only when the actions let the login through; returns the session's `sid`. */
  establishSession: () => string;
}

export async function finishLogin(ctx: TenantContext, login: Authentication): Promise<void> {
  const { req, res, request, user } = login;
  const outcome = await runPostLoginActions(ctx, {
    req,
    request,
    user,
    authenticatedAt: login.authenticatedAt,
    loginsCount: login.loginsCount,
  });
  if (outcome.kind === 'denied') {
    sendAuthorizationResponse(res, request, { error: 'access_denied', error_description: outcome.description });
    return;
  }
  const sid = login.establishSession();
  sendAuthorizationResponse(res, request, await issueTokens(ctx, request, user, sid, outcome.claims));
}
