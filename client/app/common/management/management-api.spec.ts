// Where each token goes: the Management API token to <issuer>api/v2/ only, in an Authorization header
// the request states itself; the API's token to the API's origin only, never to the tenant's /api/v2/.
import type { AudienceTokens } from '../../auth/auth.module';
import { ISSUER, TEST_OPTIONS, fakeJwt, setupAuth, type AuthSetup } from '../../../test/helpers';
import managementModule from './management.module';
import { MANAGEMENT_SCOPE, type ManagementApi } from './management-api';
import type { ApiResult } from '../api/api-result';

describe('managementApi (the Management API with its own token)', () => {
  const base = `${ISSUER}api/v2/`;
  const me = `${base}users/auth0%7Cadmin`;
  const managementToken = (n = 1) => fakeJwt({ iss: ISSUER, aud: base, scope: MANAGEMENT_SCOPE, n });
  let t: AuthSetup;
  let managementApi: ManagementApi;
  let apiBearer: string;

  beforeEach(() => {
    localStorage.removeItem(TEST_OPTIONS.flagKey);
    t = setupAuth({}, managementModule);
    apiBearer = `Bearer ${t.logIn().accessToken}`;
    managementApi = t.$injector.get<ManagementApi>('managementApi');
  });
  afterEach(() => {
    t.$httpBackend.verifyNoOutstandingExpectation();
    t.$httpBackend.verifyNoOutstandingRequest();
    localStorage.removeItem(TEST_OPTIONS.flagKey);
  });

  /** me(), its token fetched silently (answered with `token`), and what it settles to. */
  function callMe(metadata?: Record<string, unknown>, token?: string) {
    const outcome: { user?: unknown; failure?: ApiResult } = {};
    managementApi.me(metadata).then(
      (user) => (outcome.user = user),
      (failure: ApiResult) => (outcome.failure = failure),
    );
    if (token) t.answer(null, { accessToken: token, expiresIn: 7200 });
    return outcome;
  }

  it("asks for the Management API's audience and the current_user scopes", () => {
    expect(managementApi.request).toEqual({ audience: base, scope: 'read:current_user update:current_user_metadata' });
    t.$httpBackend.expectGET(me).respond(200, {});
    callMe(undefined, managementToken());
    expect(t.stub.checkSession.calls.mostRecent().args[0] as object).toEqual(
      jasmine.objectContaining({ audience: base, scope: MANAGEMENT_SCOPE }),
    );
    t.$httpBackend.flush();
  });

  it("reads the user's own record with the Management token, never the API's", () => {
    t.$httpBackend
      .expectGET(me, (h) => h['Authorization'] === `Bearer ${managementToken()}` && h['Authorization'] !== apiBearer)
      .respond(200, { user_id: 'auth0|admin', user_metadata: { favorite_color: 'green' } });
    const got = callMe(undefined, managementToken());
    t.$httpBackend.flush();
    expect(got.user).toEqual({ user_id: 'auth0|admin', user_metadata: { favorite_color: 'green' } });
  });

  it('changes user_metadata with PATCH users/{sub}, the sub percent-encoded', () => {
    t.$httpBackend
      .expect(
        'PATCH',
        me,
        { user_metadata: { favorite_color: 'teal' } },
        (h) => h['Authorization'] === `Bearer ${managementToken()}`,
      )
      .respond(200, { user_id: 'auth0|admin', user_metadata: { favorite_color: 'teal' } });
    callMe({ favorite_color: 'teal' }, managementToken());
    t.$httpBackend.flush();
  });

  it('keeps the token for the next calls, and drops it after a 401 so the next call fetches another', () => {
    t.$httpBackend.expectGET(me).respond(401, {
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Expired token received for JSON Web Token validation',
    });
    const first = callMe(undefined, managementToken(1));
    t.$httpBackend.flush();
    expect(first.failure).toEqual(jasmine.objectContaining({ status: '401 Unauthorized' }));
    expect(first.failure!.hint).toContain('expired');
    const withSecond = (h: Record<string, string>) => h['Authorization'] === `Bearer ${managementToken(2)}`;
    t.$httpBackend.expectGET(me, withSecond).respond(200, {});
    callMe(undefined, managementToken(2));
    expect(t.stub.checkSession).toHaveBeenCalledTimes(2);
    t.$httpBackend.flush();
    t.$httpBackend.expectGET(me, withSecond).respond(200, {});
    callMe();
    t.$httpBackend.flush();
    expect(t.stub.checkSession).toHaveBeenCalledTimes(2);
  });

  it('sends the API token to the API and the Management token to /api/v2/ only, in the same session', () => {
    const tokens = t.$injector.get<AudienceTokens>('audienceTokens');
    void tokens.get(managementApi.request);
    t.answer(null, { accessToken: managementToken(), expiresIn: 7200 });
    const api = `${TEST_OPTIONS.apiOrigin}/api/private`;
    t.$httpBackend.expectGET(api, (h) => h['Authorization'] === apiBearer).respond(200, {});
    void t.$http.get(api);
    t.$httpBackend.flush();
    // A request of the app's own to the tenant's /api/v2/ without a stated token gets none: not the API's.
    t.$httpBackend.expectGET(`${base}users`, (h) => h['Authorization'] === undefined).respond(401, {});
    void t.$http.get(`${base}users`).catch(() => undefined);
    t.$httpBackend.flush();
    t.$httpBackend.expectGET(me, (h) => h['Authorization'] === `Bearer ${managementToken()}`).respond(200, {});
    callMe();
    t.$httpBackend.flush();
  });

  it("states the thread's wrong tokens as they are, and the interceptor neither replaces nor adds one", () => {
    const idToken = t.auth.getIdToken()!;
    t.$httpBackend
      .expect('PATCH', me, undefined, (h) => h['Authorization'] === `Bearer ${idToken}`)
      .respond(401, {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid token',
      });
    let failure: ApiResult | undefined;
    managementApi.send(idToken, { favorite_color: 'blue' }).catch((f: ApiResult) => (failure = f));
    t.$httpBackend.flush();
    expect(failure!.hint).toContain('the id_token was sent');
  });
});
