// GET and POST /login: the form that stands in for Auth0's Universal Login.
import type { RequestHandler, Response } from 'express';
import { sendAuthorizationResponse } from '../authorization-response';
import { findUserByCredentials } from '../demo-users';
import { sendErrorPage } from '../pages/html';
import { sendLoginPage } from '../pages/login-page';
import { startSession } from '../sessions';
import { PENDING_LOGIN_TTL_MS, type TenantContext } from '../tenant-context';
import { issueTokens } from '../token-issuer';

const EXPIRED_LOGIN = `This login request is unknown or has expired (after ${PENDING_LOGIN_TTL_MS / 60_000} minutes). Go back to the app and click Log In again.`;

function field(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function callbackOrigins(ctx: TenantContext): string[] {
  return [...new Set(ctx.registry.client.callbackUrls.map((url) => new URL(url).origin))];
}

function pendingRequest(ctx: TenantContext, res: Response, tx: string | undefined) {
  const request = tx ? ctx.pendingLogins.get(tx) : undefined;
  if (!request) sendErrorPage(res, 400, 'invalid_request', EXPIRED_LOGIN);
  return request;
}

export function loginPageRoute(ctx: TenantContext): RequestHandler {
  return (req, res) => {
    res.set('Cache-Control', 'no-store');
    const tx = field(req.query, 'tx');
    const request = pendingRequest(ctx, res, tx);
    if (!request || !tx) return;
    sendLoginPage(res, 200, { tx, clientId: request.client.clientId, formTargets: callbackOrigins(ctx) });
  };
}

export function loginSubmitRoute(ctx: TenantContext): RequestHandler {
  return async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const tx = field(req.body, 'tx');
    const request = pendingRequest(ctx, res, tx);
    if (!request || !tx) return;
    const username = field(req.body, 'username') ?? '';
    const user = findUserByCredentials(username, field(req.body, 'password') ?? '');
    if (!user) {
      sendLoginPage(res, 401, {
        tx,
        clientId: request.client.clientId,
        username,
        errorMessage: 'Wrong email or password.',
        formTargets: callbackOrigins(ctx),
      });
      return;
    }
    // One use only: a replayed form post must not log in again.
    ctx.pendingLogins.delete(tx);
    const session = startSession(ctx.sessions, req, res, user);
    // What /authorize would have answered had the session existed: tokens, back to the client.
    sendAuthorizationResponse(res, request, await issueTokens(ctx, request, user, session.sid));
  };
}
