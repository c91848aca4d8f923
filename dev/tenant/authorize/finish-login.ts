// The end of every successful authentication, interactive (POST /login) or silent (/authorize
// with a session): the post-login actions run, then the client gets its tokens, or access_denied
// with the reason an action gave.
import type { Request, Response } from 'express';
import type { TenantContext } from '../context';
import type { TenantUser } from '../model/tenant-model';
import { runPostLoginActions } from '../post-login/run-post-login';
import { OAuthError } from '../shared/oauth-error';
import { targetOf, type AuthorizeRequest } from './checks';
import { issueCode } from './issue-code';
import { issueTokens } from './issue-tokens';
import { sendAuthorizationResponse } from './response-modes';

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

/** Sends the tokens, or throws the refusal (access_denied, with the action's reason) for the client. */
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
    throw new OAuthError(403, 'access_denied', outcome.description, { target: targetOf(request) });
  }
  const sid = login.establishSession();
  const answer = request.wantsCode
    ? issueCode(
        ctx.authorizationCodes,
        request,
        { userId: user.userId, sid, authenticatedAt: login.authenticatedAt },
        outcome.claims,
      )
    : await issueTokens(ctx, request, user, sid, outcome.claims);
  sendAuthorizationResponse(res, request, answer);
}
