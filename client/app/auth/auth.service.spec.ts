import type { AuthOptions, UserInfoError } from './auth.module';
import { TEST_OPTIONS, authResult, accessToken, setupAuth, type AuthSetup } from '../../test/helpers';

describe('auth service', () => {
  let t: AuthSetup;
  const setup = (options: Partial<AuthOptions> = {}) => (t = setupAuth(options));
  const flag = () => localStorage.getItem(TEST_OPTIONS.flagKey);

  beforeEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));

  describe('login', () => {
    beforeEach(() => setup());

    it('configures angular-auth0 with the audience, scope, implicit response type and callback URL', () => {
      expect(t.auth0Init).toHaveBeenCalledOnceWith(
        jasmine.objectContaining({
          domain: 'http://localhost:3902',
          clientID: 'spec-client',
          audience: 'https://quickstarts/api',
          scope: TEST_OPTIONS.scope,
          responseType: 'token id_token',
          redirectUri: `${window.location.origin}/callback`,
        }),
      );
    });

    it('redirects to the tenant with a return path', () => {
      t.$location.url('/profile');
      t.auth.login();
      expect(t.stub.authorize).toHaveBeenCalledWith({ appState: { returnTo: '/profile' } });
    });

    it('clears a previous error', () => {
      t.auth.handleCallback('#error=access_denied');
      t.answer({ error: 'access_denied', errorDescription: 'no' });
      expect(t.auth.error).not.toBeNull();
      t.auth.login('/');
      expect(t.auth.error).toBeNull();
    });
  });

  describe('callback', () => {
    beforeEach(() => setup());

    it('starts a session in memory from a valid response and goes to the return path', () => {
      t.auth.handleCallback('#access_token=x&state=s');
      expect(t.stub.parseHash).toHaveBeenCalledWith({ hash: '#access_token=x&state=s' }, jasmine.any(Function));
      const result = authResult({ scope: 'openid read:messages' });
      t.answer(null, result);
      expect(t.auth.isAuthenticated()).toBeTrue();
      expect(t.auth.getAccessToken()).toBe(result.accessToken!);
      expect(t.auth.getIdToken()).toBe(result.idToken!);
      expect(t.auth.getClaims()?.['name']).toBe('Ada Admin');
      expect(t.auth.grantedScopes()).toEqual(['openid', 'read:messages']);
      expect(t.auth.hasScope('write:messages')).toBeFalse();
      expect(t.$location.url()).toBe('/profile');
      expect(flag()).toBe('true');
    });

    it('uses the requested scopes when the response has no scope (RFC 6749 5.1)', () => {
      t.auth.handleCallback('#access_token=x');
      t.answer(null, authResult({ scope: undefined }));
      expect(t.auth.hasScope('write:messages')).toBeTrue();
    });

    it('never returns to another origin', () => {
      t.auth.handleCallback('#access_token=x');
      t.answer(null, authResult({ appState: { returnTo: '//evil.example/x' } }));
      expect(t.$location.url()).toBe('/');
    });

    it('shows a tenant error (access_denied) and creates no session', () => {
      t.auth.handleCallback('#error=access_denied&error_description=Service%20not%20found');
      t.answer({ error: 'access_denied', errorDescription: 'Service not found: https://wrong/api' });
      expect(t.auth.isAuthenticated()).toBeFalse();
      expect(t.auth.error).toMatch(
        /^Login failed\. access_denied: the tenant has no API with the identifier "https:\/\/wrong\/api"\. The audience .* must equal the API's Identifier/,
      );
      expect(flag()).toBeNull();
      expect(t.$location.url()).toBe('/');
    });

    it('explains a state mismatch', () => {
      t.auth.handleCallback('#access_token=x&state=forged');
      t.answer({ error: 'invalid_token', errorDescription: '`state` does not match.' });
      expect(t.auth.isAuthenticated()).toBeFalse();
      expect(t.auth.error).toContain('state mismatch');
    });

    it('rejects a forged hash (bad id_token signature) without a session', () => {
      t.auth.handleCallback('#access_token=x&id_token=forged&state=s');
      t.answer({ error: 'invalid_token', errorDescription: 'Invalid token signature' });
      expect(t.auth.isAuthenticated()).toBeFalse();
      expect(t.auth.getAccessToken()).toBeNull();
      expect(t.auth.error).toBe('Login failed. invalid_token: Invalid token signature');
    });

    it('refuses a response without an access token', () => {
      t.auth.handleCallback('#id_token=x');
      t.answer(null, authResult({ accessToken: undefined }));
      expect(t.auth.isAuthenticated()).toBeFalse();
      expect(t.auth.error).toContain('no access token');
    });

    it('writes no token to any browser storage', () => {
      t.auth.handleCallback('#access_token=x');
      const result = authResult();
      t.answer(null, result);
      const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k) ?? ''));
      expect(stored.some((v) => v.includes(result.accessToken!) || v.includes(result.idToken!))).toBeFalse();
      expect(document.cookie).not.toContain(result.accessToken!);
    });
  });

  describe('restore on reload', () => {
    it('does nothing for a visitor who was not logged in', () => {
      setup();
      let done = false;
      t.auth.ready().then(() => (done = true));
      t.$rootScope.$digest();
      expect(done).toBeTrue();
      expect(t.stub.checkSession).not.toHaveBeenCalled();
    });

    it('restores silently with checkSession when the flag is set, and ready() waits for it', () => {
      localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
      setup({ silentAuthTimeoutMs: 5000 });
      let done = false;
      t.auth.ready().then(() => (done = true));
      t.$rootScope.$digest();
      expect(t.auth.loading).toBeTrue();
      expect(done).toBeFalse();
      expect(t.stub.checkSession.calls.mostRecent().args[0] as object).toEqual({ timeout: 5000 });
      t.answer(null, authResult());
      expect(done).toBeTrue();
      expect(t.auth.loading).toBeFalse();
      expect(t.auth.isAuthenticated()).toBeTrue();
    });

    for (const error of ['login_required', 'consent_required', 'timeout']) {
      it(`on ${error}: clears the flag, explains in one line, and the next login works`, () => {
        localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
        setup();
        t.answer({ error, error_description: 'x' });
        expect(t.auth.isAuthenticated()).toBeFalse();
        expect(flag()).toBeNull();
        expect(t.auth.error).toMatch(new RegExp(`^Could not restore your session\\. ${error}: [^\\n]+$`));
        t.auth.login('/');
        expect(t.stub.authorize).toHaveBeenCalled();
        expect(t.auth.error).toBeNull();
      });
    }

    it('keeps the flag when the restore fails because the page is being left (a reload during the restore)', () => {
      localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
      setup();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      t.answer({ error: 'timeout', error_description: 'the frame went away with the page' });
      expect(flag()).toBe('true');
      expect(t.auth.error).toBeNull();
      // Back from the back-forward cache, the page is alive again: a failure counts as one.
      window.dispatchEvent(new PageTransitionEvent('pageshow'));
      t.auth.handleCallback('#error=access_denied');
      t.answer({ error: 'access_denied', errorDescription: 'no' }); // the callback's answer
      t.answer({ error: 'login_required', error_description: 'no session' }); // the restore it tries
      expect(flag()).toBeNull();
    });

    // The specs' page and tenant are both on loopback: name the tenant by the page's host, or by the other loopback name.
    const otherName = window.location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    for (const [where, host, crossSite] of [
      ["on the app's site", window.location.hostname, false],
      ['on another site', otherName, true],
    ] as const) {
      it(`on login_required with the tenant ${where}: ${crossSite ? 'blames third-party cookies' : 'no session at the tenant'}`, () => {
        localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
        setup({ domain: `http://${host}:3902` });
        t.answer({ error: 'login_required', error_description: 'Login required' });
        expect(t.auth.error!.includes('third-party cookie in the hidden frame')).toBe(crossSite);
        expect(t.auth.error).toMatch(/^Could not restore your session\. login_required: /);
        t.auth.login('/');
        expect(t.stub.authorize).toHaveBeenCalled();
      });
    }

    it('handles a login response in the URL at start-up instead of restoring', () => {
      const original = window.location.pathname + window.location.search;
      window.history.replaceState(null, '', `${original}#access_token=a&id_token=b&state=s`);
      try {
        localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
        setup({ redirectUri: window.location.origin + window.location.pathname });
        expect(t.stub.parseHash).toHaveBeenCalledWith(
          { hash: '#access_token=a&id_token=b&state=s' },
          jasmine.any(Function),
        );
        expect(t.stub.checkSession).not.toHaveBeenCalled();
      } finally {
        window.history.replaceState(null, '', original);
      }
    });
  });

  describe('renewal', () => {
    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(2030, 0, 1));
      setup({ renewBeforeSeconds: 60 });
    });
    afterEach(() => jasmine.clock().uninstall());

    const login = (expiresIn: number) => t.logIn(authResult({ expiresIn }));

    it('renews a little before expiry, not at it', () => {
      login(3600);
      t.$timeout.flush(3600 * 1000 - 60 * 1000 - 1);
      expect(t.stub.checkSession).not.toHaveBeenCalled();
      t.$timeout.flush(1);
      expect(t.stub.checkSession).toHaveBeenCalledTimes(1);
    });

    it('renews at half the lifetime for short-lived tokens', () => {
      login(60);
      t.$timeout.flush(30 * 1000);
      expect(t.stub.checkSession).toHaveBeenCalledTimes(1);
    });

    it('keeps a single timer, replaced on each renewal', () => {
      login(3600);
      t.$timeout.flush(3540 * 1000);
      const renewed = authResult({ expiresIn: 3600, accessToken: accessToken('read:messages') });
      t.answer(null, renewed);
      expect(t.auth.getAccessToken()).toBe(renewed.accessToken!);
      expect(t.auth.hasScope('write:messages')).toBeTrue(); // scope comes from the response
      t.$timeout.flush(3539 * 1000);
      expect(t.stub.checkSession).toHaveBeenCalledTimes(1);
      t.$timeout.flush(1000);
      expect(t.stub.checkSession).toHaveBeenCalledTimes(2);
    });

    it('logs out cleanly with a message when renewal fails', () => {
      login(3600);
      t.$timeout.flush(3540 * 1000);
      t.answer({ error: 'login_required', error_description: 'Login required' });
      expect(t.auth.isAuthenticated()).toBeFalse();
      expect(flag()).toBeNull();
      expect(t.auth.error).toMatch(/^Your session ended: the token could not be renewed\. login_required: /);
      t.$timeout.verifyNoPendingTasks();
    });

    it('cancels the timer on logout and ignores a late answer', () => {
      login(3600);
      t.$timeout.flush(3540 * 1000);
      t.auth.logout();
      t.answer(null, authResult());
      expect(t.auth.isAuthenticated()).toBeFalse();
      t.$timeout.verifyNoPendingTasks();
    });
  });

  describe('logout', () => {
    beforeEach(() => setup());

    it('clears the session and the flag, and logs out at the tenant with returnTo the app', () => {
      t.logIn();
      t.auth.logout();
      expect(t.auth.isAuthenticated()).toBeFalse();
      expect(t.auth.getAccessToken()).toBeNull();
      expect(flag()).toBeNull();
      expect(t.stub.logout).toHaveBeenCalledWith({ returnTo: window.location.origin, clientID: 'spec-client' });
      t.$timeout.verifyNoPendingTasks();
    });
  });

  describe('userInfo', () => {
    beforeEach(() => setup());

    it('answers inside a digest (angular-auth0 does not wrap client.* callbacks)', () => {
      const result = t.logIn();
      let user: unknown = null;
      t.stub.userInfo.and.callFake(((token: string, cb: (err: null, u: object) => void) => {
        expect(token).toBe(result.accessToken!);
        cb(null, { sub: 'auth0|admin' }); // auth0-js answers from an XHR callback, outside any digest
      }) as never);
      t.auth.userInfo().then((u) => (user = u));
      t.$timeout.flush(0); // angular-mocks: the digest $evalAsync scheduled
      expect(user).toEqual({ sub: 'auth0|admin' });
    });

    it("rejects with auth0-js's error plus one line saying why and what to fix", () => {
      t.logIn();
      const failure = { statusCode: 401, code: 'invalid_token', description: 'The access token is invalid.' };
      t.stub.userInfo.and.callFake(((_token: string, cb: (err: object) => void) => cb(failure)) as never);
      let error: UserInfoError | null = null;
      t.auth.userInfo().catch((err: UserInfoError) => (error = err));
      t.$timeout.flush(0);
      expect(error).toEqual(jasmine.objectContaining(failure));
      expect(error!.message).toMatch(/^Could not read your profile from \/userinfo: 401 invalid_token: .*openid scope/);
    });

    it('rejects without calling the tenant when nobody is logged in', () => {
      let error: UserInfoError | null = null;
      t.auth.userInfo().catch((err: UserInfoError) => (error = err));
      t.$rootScope.$digest();
      expect(error!.message).toBe('Could not read your profile from /userinfo: login_required: not logged in.');
      expect(t.stub.userInfo).not.toHaveBeenCalled();
    });
  });
});
