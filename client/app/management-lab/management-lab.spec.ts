import uiRouter from '@uirouter/angularjs';
import { ISSUER, fakeJwt, idToken, setupAuth, type AuthSetup } from '../../test/helpers';
import managementLabModule, { type ManagementLabController } from './management-lab.module';

describe('the Management API lab (the thread, reproduced)', () => {
  const base = `${ISSUER}api/v2/`;
  const me = `${base}users/auth0%7Cadmin`;
  const managementToken = fakeJwt({ iss: ISSUER, aud: base, scope: 'read:current_user update:current_user_metadata' });
  let t: AuthSetup;
  let page: ManagementLabController;

  beforeEach(() => {
    t = setupAuth({}, uiRouter, managementLabModule);
    t.logIn();
    const $componentController =
      t.$injector.get<(name: string, locals: object) => ManagementLabController>('$componentController');
    page = $componentController('managementLabPage', {});
  });
  afterEach(() => {
    t.$httpBackend.verifyNoOutstandingExpectation();
    t.$httpBackend.verifyNoOutstandingRequest();
    localStorage.removeItem('spec.auth.wasLoggedIn');
  });

  it('sends the id_token for real, with the favorite color as saved, and shows the 401 explained', () => {
    page.send('idToken');
    // First the saved color, with the Management API token.
    t.$httpBackend.expectGET(me).respond(200, { user_id: 'auth0|admin', user_metadata: { favorite_color: 'green' } });
    t.answer(null, { accessToken: managementToken, expiresIn: 7200 });
    t.$httpBackend
      .expect(
        'PATCH',
        me,
        { user_metadata: { favorite_color: 'green' } },
        (h) => h['Authorization'] === `Bearer ${idToken()}`,
      )
      .respond(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' });
    t.$httpBackend.flush();
    expect(page.thread['idToken']).toEqual(jasmine.objectContaining({ ok: false, status: '401 Unauthorized' }));
    expect(page.thread['idToken']!.message).toBe('Sent the id_token. Auth0: "Invalid token"');
    expect(page.thread['idToken']!.hint).toContain('the id_token was sent');
  });

  it('asks for an opaque token (no audience) and for update:users, as the thread did', () => {
    page.send('opaque');
    t.answer({ error: 'timeout' }); // no Management API token: the color stays unknown
    expect(t.stub.checkSession.calls.mostRecent().args[0] as object).toEqual(
      jasmine.objectContaining({ audience: undefined, scope: 'openid', responseType: 'token' }),
    );
    t.$httpBackend
      .expect('PATCH', me, undefined, (h) => h['Authorization'] === 'Bearer 8aKq1zopaque')
      .respond(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Bad HTTP authentication header format',
        errorCode: 'Bearer',
      });
    t.answer(null, { accessToken: '8aKq1zopaque', scope: 'openid' });
    t.$httpBackend.flush();
    expect(page.thread['opaque']!.hint).toContain('requested without an audience');
    expect(page.thread['opaque']!.code).toBe('Bearer');

    page.send('scope');
    t.$rootScope.$digest(); // the color is known already: straight to the token
    expect(t.stub.checkSession.calls.mostRecent().args[0] as object).toEqual(
      jasmine.objectContaining({ audience: base, scope: 'openid profile email update:users' }),
    );
    t.$httpBackend.expect('PATCH', me).respond(403, {
      statusCode: 403,
      error: 'Forbidden',
      message:
        'Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata',
      errorCode: 'insufficient_scope',
    });
    t.answer(null, { accessToken: managementToken, scope: 'openid profile email' });
    t.$httpBackend.flush();
    expect(page.thread['scope']!.message).toContain('the tenant granted "openid profile email"');
  });

  it('says so when there is no token to send', () => {
    page.send('opaque');
    t.answer({ error: 'timeout' });
    t.answer({ error: 'timeout', error_description: 'Timeout during executing web_message communication' });
    expect(page.thread['opaque']).toEqual(jasmine.objectContaining({ ok: false, status: 'no token', code: 'timeout' }));
  });
});
