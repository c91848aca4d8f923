import uiRouter from '@uirouter/angularjs';
import { ISSUER, authResult, fakeJwt, setupAuth, type AuthSetup } from '../../test/helpers';
import type { ApiResult } from '../common/api/api-result';
import profileModule, { ROLES_CLAIM } from './profile.module';

interface Profile {
  roles: string;
  color: string;
  result: ApiResult | null;
  needsConsent: boolean;
  $onInit(): void;
  save(): void;
  grant(): void;
}

describe('profile page', () => {
  const base = `${ISSUER}api/v2/`;
  const me = `${base}users/auth0%7Cadmin`;
  const managementToken = fakeJwt({ iss: ISSUER, aud: base, scope: 'read:current_user update:current_user_metadata' });
  let t: AuthSetup;

  /** The page's controller for a user whose id_token carries `claims`, initialised. */
  function open(claims: object = {}): Profile {
    t = setupAuth({}, uiRouter, profileModule);
    const payload = { ...(authResult().idTokenPayload as object), ...claims };
    t.logIn(authResult({ idTokenPayload: payload }));
    const $componentController = t.$injector.get<(name: string, locals: object) => Profile>('$componentController');
    const page = $componentController('profilePage', {});
    page.$onInit();
    return page;
  }
  const answerToken = () => t.answer(null, { accessToken: managementToken, expiresIn: 7200 });

  afterEach(() => {
    t.$httpBackend.verifyNoOutstandingExpectation();
    t.$httpBackend.verifyNoOutstandingRequest();
    localStorage.removeItem('spec.auth.wasLoggedIn');
  });

  describe('roles, from the id_token', () => {
    const shown = (claims: object) => {
      const page = open(claims);
      t.answer({ error: 'timeout' }); // the metadata's token: not this spec's business
      return page.roles;
    };
    it('lists them', () => expect(shown({ [ROLES_CLAIM]: ['admin', 'reader'] })).toBe('admin, reader'));
    it('says none for an empty list', () => expect(shown({ [ROLES_CLAIM]: [] })).toBe('none'));
    it('says none without the claim', () => expect(shown({})).toBe('none'));
  });

  describe('favorite_color in user_metadata, through the Management API', () => {
    it('reads it with the Management token, then saves a change with PATCH', () => {
      const page = open();
      const bearer = (h: Record<string, string>) => h['Authorization'] === `Bearer ${managementToken}`;
      t.$httpBackend
        .expectGET(me, bearer)
        .respond(200, { user_id: 'auth0|admin', user_metadata: { favorite_color: 'green' } });
      answerToken();
      t.$httpBackend.flush();
      expect(page.color).toBe('green');
      expect(page.result).toEqual({ ok: true, status: '200 OK', message: 'Read: favorite_color is "green".' });

      page.color = 'teal';
      t.$httpBackend
        .expect('PATCH', me, { user_metadata: { favorite_color: 'teal' } }, bearer)
        .respond(200, { user_id: 'auth0|admin', user_metadata: { favorite_color: 'teal' } });
      page.save();
      page.save(); // a second click while the first is under way: one PATCH
      t.$httpBackend.flush();
      expect(page.result?.message).toBe('Saved: favorite_color is "teal".');
    });

    it('explains a refusal (403 Insufficient scope) with Auth0 words and the hint', () => {
      const page = open();
      t.$httpBackend.expectGET(me).respond(403, {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:users,read:current_user,read:user_idp_tokens',
        errorCode: 'insufficient_scope',
      });
      answerToken();
      t.$httpBackend.flush();
      expect(page.result).toEqual(
        jasmine.objectContaining({ ok: false, status: '403 Forbidden', code: 'insufficient_scope' }),
      );
      expect(page.result?.description).toContain('Insufficient scope');
      expect(page.result?.hint).toContain('only the current_user scopes');
      expect(page.needsConsent).toBeFalse();
    });

    it('on consent_required, says so and offers the login for the Management API, back to /profile', () => {
      const page = open();
      t.answer({ error: 'consent_required', error_description: 'Consent required' });
      expect(page.needsConsent).toBeTrue();
      expect(page.result).toEqual(
        jasmine.objectContaining({ ok: false, status: 'no token', code: 'consent_required', expected: true }),
      );
      expect(page.result?.description).toContain(`No access token for ${base}. consent_required:`);
      page.grant();
      expect(t.stub.authorize).toHaveBeenCalledOnceWith({
        audience: base,
        scope: 'openid read:current_user update:current_user_metadata',
        appState: { returnTo: '/profile', audience: base, scope: 'read:current_user update:current_user_metadata' },
      });
    });
  });
});
