import type { ApiResult } from './api-result';
import { fitToVisitor, type Visitor } from './visitor-hint';

describe('fitToVisitor (hints that speak to the person at the app)', () => {
  const missingToken: ApiResult = {
    ok: false,
    status: '401 Unauthorized',
    code: 'missing_token',
    description: 'The request has no Authorization header.',
    hint: 'Send the access token as "Authorization: Bearer <access token>".',
  };
  const noWrite: ApiResult = {
    ok: false,
    status: '403 Forbidden',
    code: 'insufficient_scope',
    description: 'This route needs the scope "write:messages".',
    hint: 'Request the scope write:messages, and grant it to the user.',
    requiredScope: 'write:messages',
  };
  const reader: Visitor = {
    loggedIn: true,
    requestedScopes: ['openid', 'read:messages', 'write:messages'],
    grantedScopes: ['openid', 'read:messages'],
  };
  const loggedOut: Visitor = { loggedIn: false, requestedScopes: reader.requestedScopes, grantedScopes: [] };

  it("logged out and no token sent: log in, an expected outcome; the API's hint is kept for its clients", () => {
    const fitted = fitToVisitor(missingToken, loggedOut);
    expect(fitted.expected).toBeTrue();
    expect(fitted.hint).toBe(
      'You are not logged in, so the app sends no access token: log in, then call this route again.',
    );
    expect(fitted.apiHint).toBe(missingToken.hint);
  });

  it("a scope the login asked for and RBAC did not grant: the tenant's RBAC, with the scopes the roles give", () => {
    const fitted = fitToVisitor(noWrite, reader);
    expect(fitted.expected).toBeTrue();
    expect(fitted.hint).toContain('Your login asked for write:messages and the tenant did not grant it');
    expect(fitted.hint).toContain('your roles give read:messages');
    expect(fitted.apiHint).toBe(noWrite.hint);
  });

  it("leaves the API's words alone where they fit: a scope the app never asked for, a bad token, a success", () => {
    const notAsked = { ...reader, requestedScopes: ['openid', 'read:messages'] };
    expect(fitToVisitor(noWrite, notAsked)).toBe(noWrite);
    expect(fitToVisitor(missingToken, reader)).toBe(missingToken);
    const ok: ApiResult = { ok: true, status: '200 OK', message: 'Hello' };
    expect(fitToVisitor(ok, loggedOut)).toBe(ok);
  });
});
