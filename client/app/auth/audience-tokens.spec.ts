import type { AudienceTokenError, AudienceTokens } from './auth.module';
import { ISSUER, TEST_OPTIONS, authResult, fakeJwt, setupAuth, type AuthSetup } from '../../test/helpers';

describe('audienceTokens (a token for another API)', () => {
  const management = { audience: `${ISSUER}api/v2/`, scope: 'read:current_user update:current_user_metadata' };
  const managementToken = (n = 1) => fakeJwt({ iss: ISSUER, aud: management.audience, n });
  let t: AuthSetup;
  let tokens: AudienceTokens;

  const setup = () => {
    t = setupAuth({ silentAuthTimeoutMs: 4000, renewBeforeSeconds: 60 });
    tokens = t.$injector.get<AudienceTokens>('audienceTokens');
  };
  /** get(), with what it settles to once the digest has run. */
  const get = (request = management) => {
    const outcome: { token?: string; error?: AudienceTokenError } = {};
    tokens.get(request).then(
      (token) => (outcome.token = token),
      (error: AudienceTokenError) => (outcome.error = error),
    );
    t.$rootScope.$digest(); // a token held answers at the next digest
    return outcome;
  };
  const answer = (token = managementToken(), expiresIn = 3600) =>
    t.answer(null, { accessToken: token, expiresIn, scope: management.scope });

  beforeEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));

  describe('silently', () => {
    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(2030, 0, 1));
      setup();
      t.logIn();
    });
    afterEach(() => jasmine.clock().uninstall());

    it('asks checkSession for that audience and scope, an access token only, within the timeout', () => {
      const got = get();
      expect(t.stub.checkSession.calls.mostRecent().args[0] as object).toEqual({
        ...management,
        responseType: 'token',
        timeout: 4000,
      });
      expect(t.stub.checkSession).toHaveBeenCalledTimes(1);
      answer(managementToken());
      expect(got.token).toBe(managementToken());
      expect(t.auth.getAccessToken()).not.toBe(managementToken()); // the session's token is the API's still
    });

    it('keeps it in memory until a little before it expires, then fetches a new one', () => {
      get();
      answer(managementToken(1), 3600);
      jasmine.clock().tick((3600 - 61) * 1000);
      expect(get().token).toBe(managementToken(1));
      expect(t.stub.checkSession).toHaveBeenCalledTimes(1);
      jasmine.clock().tick(1000);
      const renewed = get();
      expect(t.stub.checkSession).toHaveBeenCalledTimes(2);
      answer(managementToken(2));
      expect(renewed.token).toBe(managementToken(2));
      const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k) ?? ''));
      expect(stored.some((v) => v.includes(managementToken(1)) || v.includes(managementToken(2)))).toBeFalse();
    });

    it('has one request in flight however many callers wait', () => {
      const first = get();
      const second = get();
      expect(t.stub.checkSession).toHaveBeenCalledTimes(1);
      answer();
      expect([first.token, second.token]).toEqual([managementToken(), managementToken()]);
    });

    it('holds one token per audience and scope', () => {
      get();
      answer(managementToken(1));
      const other = get({ audience: management.audience, scope: 'read:current_user update:users' });
      expect(t.stub.checkSession).toHaveBeenCalledTimes(2);
      answer(managementToken(2));
      expect(other.token).toBe(managementToken(2));
      expect(get().token).toBe(managementToken(1));
    });

    it('fetches again after drop() (the API refused the token)', () => {
      get();
      answer();
      tokens.drop(management);
      get();
      expect(t.stub.checkSession).toHaveBeenCalledTimes(2);
    });

    for (const error of ['consent_required', 'interaction_required', 'login_required']) {
      it(`on ${error}: rejects with the reason and offers the interactive step`, () => {
        const got = get();
        t.answer({ error, error_description: 'Consent required' });
        expect(got.error).toEqual(jasmine.objectContaining({ error, interactive: true }));
        expect(got.error!.message).toMatch(new RegExp(`^No access token for ${management.audience}\\. ${error}: `));
        expect(t.auth.isAuthenticated()).toBeTrue(); // the session is not touched
      });
    }

    it('passes other failures on, not interactive, and does not keep them', () => {
      const got = get();
      t.answer({ error: 'timeout', error_description: 'Timeout during executing web_message communication' });
      expect(got.error).toEqual(jasmine.objectContaining({ error: 'timeout', interactive: false }));
      expect(got.error!.message).toContain('is this origin an Allowed Web Origin?');
      get();
      expect(t.stub.checkSession).toHaveBeenCalledTimes(2);
    });

    it('refuses an answer without an access token', () => {
      const got = get();
      t.answer(null, { idToken: 'x' });
      expect(got.error).toEqual(jasmine.objectContaining({ error: 'invalid_hash', interactive: false }));
    });

    it('forgets every token at logout, and a late answer is not kept', () => {
      get();
      answer(managementToken(1));
      const late = get({ audience: 'https://other/api', scope: 'read' });
      t.auth.logout();
      answer(managementToken(2));
      expect(late.error).toEqual(jasmine.objectContaining({ error: 'login_required' }));
      get();
      expect(t.stub.checkSession).toHaveBeenCalledTimes(3);
    });
  });

  describe('the interactive step (a redirect login for the audience)', () => {
    it('asks the tenant for that audience and scope, with openid for the id_token, and where to return', () => {
      setup();
      tokens.login(management, '/profile');
      expect(t.stub.authorize).toHaveBeenCalledOnceWith({
        audience: management.audience,
        scope: `openid ${management.scope}`,
        appState: { returnTo: '/profile', ...management },
      });
    });

    it("keeps the callback's token for the audience, restores the session with the API's token, returns to the page", () => {
      setup();
      const mgmt = managementToken(7);
      void t.auth.handleCallback('#access_token=x');
      t.answer(null, authResult({ accessToken: mgmt, appState: { returnTo: '/profile', ...management } }));
      // The session's tokens come back silently, with the login's own audience and scope.
      expect(t.stub.checkSession.calls.mostRecent().args[0] as object).toEqual({ timeout: 4000 });
      expect(t.auth.isAuthenticated()).toBeFalse();
      const session = authResult();
      t.answer(null, session);
      expect(t.auth.getAccessToken()).toBe(session.accessToken!);
      expect(t.$location.url()).toBe('/profile');
      expect(get().token).toBe(mgmt);
      expect(t.stub.checkSession).toHaveBeenCalledTimes(1); // the restore only: the token was kept;
    });

    it("a login for the session's own audience is the session's, whatever its appState", () => {
      setup();
      const result = t.logIn(authResult({ appState: { returnTo: '/', audience: TEST_OPTIONS.audience, scope: 'x' } }));
      expect(t.auth.getAccessToken()).toBe(result.accessToken!);
    });

    it('a refused interactive step (consent denied) keeps a logged-in user logged in, with the reason', () => {
      localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
      setup();
      t.answer(null, authResult());
      void t.auth.handleCallback('#error=access_denied&state=s');
      t.answer({ error: 'access_denied', errorDescription: 'User did not authorize the request' });
      t.answer(null, authResult());
      expect(t.auth.isAuthenticated()).toBeTrue();
      expect(t.auth.error).toBe('Login failed. access_denied: User did not authorize the request');
      expect(localStorage.getItem(TEST_OPTIONS.flagKey)).toBe('true');
    });

    it('when that restore fails too, the user is logged out with the login failure shown', () => {
      localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
      setup();
      t.answer(null, authResult());
      void t.auth.handleCallback('#error=access_denied&state=s');
      t.answer({ error: 'access_denied', errorDescription: 'User did not authorize the request' });
      t.answer({ error: 'login_required', error_description: 'Login required' });
      expect(t.auth.isAuthenticated()).toBeFalse();
      expect(t.auth.error).toBe('Login failed. access_denied: User did not authorize the request');
      expect(localStorage.getItem(TEST_OPTIONS.flagKey)).toBeNull();
    });
  });
});
