import angular from 'angular';
import authModule, { type AuthService, type AuthOptions } from './auth.module';
import type { AuthProvider } from './auth.provider';
import { WebAuthStub, TEST_OPTIONS, authResult, accessToken } from '../../test/helpers';

describe('auth service', () => {
  let stub: WebAuthStub;
  let auth: AuthService;
  let $rootScope: angular.IRootScopeService;
  let $timeout: angular.ITimeoutService;
  let $location: angular.ILocationService;

  function setup(options: Partial<AuthOptions> = {}): void {
    angular.mock.module(authModule, [
      'authProvider',
      (p: AuthProvider) => p.configure({ ...TEST_OPTIONS, ...options }),
    ]);
    angular.mock.inject(
      (
        _auth_: AuthService,
        _$rootScope_: angular.IRootScopeService,
        _$timeout_: angular.ITimeoutService,
        _$location_: angular.ILocationService,
      ) => {
        auth = _auth_;
        $rootScope = _$rootScope_;
        $timeout = _$timeout_;
        $location = _$location_;
      },
    );
  }

  /** auth0-js answers; angular-auth0 brings the callback into a digest. */
  function answer(err: object | null, result: object | null = null): void {
    stub.answer(err as never, result);
    $timeout.flush(0); // the digest angular-auth0's $evalAsync scheduled
  }

  const flag = () => localStorage.getItem(TEST_OPTIONS.flagKey!);

  beforeEach(() => {
    localStorage.removeItem(TEST_OPTIONS.flagKey!);
    stub = new WebAuthStub();
  });
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey!));

  describe('login', () => {
    beforeEach(() => setup());

    it('redirects to the tenant with the configured audience, scope, implicit response type and a return path', () => {
      $location.url('/profile');
      auth.login();
      expect(stub.authorize).toHaveBeenCalledWith({ appState: { returnTo: '/profile' } });
      const webAuth = stub.authorize.calls.mostRecent().object as unknown as { baseOptions: Record<string, unknown> };
      expect(webAuth.baseOptions).toEqual(
        jasmine.objectContaining({
          domain: 'http://localhost:3902',
          clientID: 'spec-client',
          audience: 'https://quickstarts/api',
          scope: 'openid profile email read:messages write:messages',
          responseType: 'token id_token',
          redirectUri: `${window.location.origin}/callback`,
        }),
      );
    });

    it('clears a previous error', () => {
      auth.error = 'old';
      auth.login('/');
      expect(auth.error).toBeNull();
    });
  });

  describe('callback', () => {
    beforeEach(() => setup());

    it('starts a session in memory from a valid response and goes to the return path', () => {
      auth.handleCallback('#access_token=x&state=s');
      expect(stub.parseHash).toHaveBeenCalledWith({ hash: '#access_token=x&state=s' }, jasmine.any(Function));
      const result = authResult({ scope: 'openid read:messages' });
      answer(null, result);
      expect(auth.isAuthenticated()).toBeTrue();
      expect(auth.getAccessToken()).toBe(result.accessToken!);
      expect(auth.getIdToken()).toBe(result.idToken!);
      expect(auth.getClaims()?.['name']).toBe('Ada Admin');
      expect(auth.grantedScopes()).toEqual(['openid', 'read:messages']);
      expect(auth.hasScope('write:messages')).toBeFalse();
      expect($location.url()).toBe('/profile');
      expect(flag()).toBe('true');
    });

    it('uses the requested scopes when the response has no scope (RFC 6749 5.1)', () => {
      auth.handleCallback('#access_token=x');
      answer(null, authResult({ scope: undefined }));
      expect(auth.hasScope('write:messages')).toBeTrue();
    });

    it('never returns to another origin', () => {
      auth.handleCallback('#access_token=x');
      answer(null, authResult({ appState: { returnTo: '//evil.example/x' } }));
      expect($location.url()).toBe('/');
    });

    it('shows a tenant error (access_denied) and creates no session', () => {
      auth.handleCallback('#error=access_denied&error_description=Service%20not%20found');
      answer({ error: 'access_denied', errorDescription: 'Service not found: https://wrong/api' });
      expect(auth.isAuthenticated()).toBeFalse();
      expect(auth.error).toBe('Login failed. access_denied: Service not found: https://wrong/api');
      expect(flag()).toBeNull();
      expect($location.url()).toBe('/');
    });

    it('explains a state mismatch', () => {
      auth.handleCallback('#access_token=x&state=forged');
      answer({ error: 'invalid_token', errorDescription: '`state` does not match.' });
      expect(auth.isAuthenticated()).toBeFalse();
      expect(auth.error).toContain('state mismatch');
    });

    it('rejects a forged hash (bad id_token signature) without a session', () => {
      auth.handleCallback('#access_token=x&id_token=forged&state=s');
      answer({ error: 'invalid_token', errorDescription: 'Invalid token signature' });
      expect(auth.isAuthenticated()).toBeFalse();
      expect(auth.getAccessToken()).toBeNull();
      expect(auth.error).toBe('Login failed. invalid_token: Invalid token signature');
    });

    it('refuses a response without an access token', () => {
      auth.handleCallback('#id_token=x');
      answer(null, authResult({ accessToken: undefined }));
      expect(auth.isAuthenticated()).toBeFalse();
      expect(auth.error).toContain('no access token');
    });

    it('writes no token to any browser storage', () => {
      auth.handleCallback('#access_token=x');
      const result = authResult();
      answer(null, result);
      const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k) ?? ''));
      expect(stored.some((v) => v.includes(result.accessToken!) || v.includes(result.idToken!))).toBeFalse();
      expect(document.cookie).not.toContain(result.accessToken!);
    });
  });

  describe('restore on reload', () => {
    it('does nothing for a visitor who was not logged in', () => {
      setup();
      let done = false;
      auth.ready().then(() => (done = true));
      $rootScope.$digest();
      expect(done).toBeTrue();
      expect(stub.checkSession).not.toHaveBeenCalled();
    });

    it('restores silently with checkSession when the flag is set, and ready() waits for it', () => {
      localStorage.setItem(TEST_OPTIONS.flagKey!, 'true');
      setup({ silentAuthTimeoutMs: 5000 });
      let done = false;
      auth.ready().then(() => (done = true));
      $rootScope.$digest();
      expect(auth.loading).toBeTrue();
      expect(done).toBeFalse();
      expect(stub.checkSession.calls.mostRecent().args[0] as object).toEqual({ timeout: 5000 });
      answer(null, authResult());
      expect(done).toBeTrue();
      expect(auth.loading).toBeFalse();
      expect(auth.isAuthenticated()).toBeTrue();
    });

    for (const error of ['login_required', 'consent_required', 'timeout']) {
      it(`on ${error}: clears the flag, explains in one line, and the next login works`, () => {
        localStorage.setItem(TEST_OPTIONS.flagKey!, 'true');
        setup();
        answer({ error, error_description: 'x' });
        expect(auth.isAuthenticated()).toBeFalse();
        expect(flag()).toBeNull();
        expect(auth.error).toMatch(new RegExp(`^Could not restore your session\\. ${error}: [^\\n]+$`));
        auth.login('/');
        expect(stub.authorize).toHaveBeenCalled();
        expect(auth.error).toBeNull();
      });
    }

    it('handles a login response in the URL at start-up instead of restoring', () => {
      const original = window.location.pathname + window.location.search;
      window.history.replaceState(null, '', `${original}#access_token=a&id_token=b&state=s`);
      try {
        localStorage.setItem(TEST_OPTIONS.flagKey!, 'true');
        setup({ redirectUri: window.location.origin + window.location.pathname });
        expect(stub.parseHash).toHaveBeenCalledWith(
          { hash: '#access_token=a&id_token=b&state=s' },
          jasmine.any(Function),
        );
        expect(stub.checkSession).not.toHaveBeenCalled();
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

    function login(expiresIn = 3600): void {
      auth.handleCallback('#access_token=x');
      answer(null, authResult({ expiresIn }));
    }

    it('renews a little before expiry, not at it', () => {
      login(3600);
      $timeout.flush(3600 * 1000 - 60 * 1000 - 1);
      expect(stub.checkSession).not.toHaveBeenCalled();
      $timeout.flush(1);
      expect(stub.checkSession).toHaveBeenCalledTimes(1);
    });

    it('renews at half the lifetime for short-lived tokens', () => {
      login(60);
      $timeout.flush(30 * 1000);
      expect(stub.checkSession).toHaveBeenCalledTimes(1);
    });

    it('keeps a single timer, replaced on each renewal', () => {
      login(3600);
      $timeout.flush(3540 * 1000);
      const renewed = authResult({ expiresIn: 3600, accessToken: accessToken('read:messages') });
      answer(null, renewed);
      expect(auth.getAccessToken()).toBe(renewed.accessToken!);
      expect(auth.hasScope('write:messages')).toBeTrue(); // scope comes from the response
      $timeout.flush(3539 * 1000);
      expect(stub.checkSession).toHaveBeenCalledTimes(1);
      $timeout.flush(1000);
      expect(stub.checkSession).toHaveBeenCalledTimes(2);
    });

    it('logs out cleanly with a message when renewal fails', () => {
      login(3600);
      $timeout.flush(3540 * 1000);
      answer({ error: 'login_required', error_description: 'Login required' });
      expect(auth.isAuthenticated()).toBeFalse();
      expect(flag()).toBeNull();
      expect(auth.error).toMatch(/^Your session ended: the token could not be renewed\. login_required: /);
      $timeout.verifyNoPendingTasks();
    });

    it('cancels the timer on logout and ignores a late answer', () => {
      login(3600);
      $timeout.flush(3540 * 1000);
      auth.logout();
      answer(null, authResult());
      expect(auth.isAuthenticated()).toBeFalse();
      $timeout.verifyNoPendingTasks();
    });
  });

  describe('logout', () => {
    beforeEach(() => setup());

    it('clears the session and the flag, and logs out at the tenant with returnTo the app', () => {
      auth.handleCallback('#access_token=x');
      answer(null, authResult());
      auth.logout();
      expect(auth.isAuthenticated()).toBeFalse();
      expect(auth.getAccessToken()).toBeNull();
      expect(flag()).toBeNull();
      expect(stub.logout).toHaveBeenCalledWith({ returnTo: window.location.origin, clientID: 'spec-client' });
      $timeout.verifyNoPendingTasks();
    });
  });

  describe('userInfo', () => {
    beforeEach(() => setup());

    it('answers inside a digest (angular-auth0 does not wrap client.* callbacks)', () => {
      auth.handleCallback('#access_token=x');
      const result = authResult();
      answer(null, result);
      let user: unknown = null;
      stub.userInfo.and.callFake(((token: string, cb: (err: null, u: object) => void) => {
        expect(token).toBe(result.accessToken!);
        cb(null, { sub: 'auth0|admin' }); // auth0-js answers from an XHR callback, outside any digest
      }) as never);
      auth.userInfo().then((u) => (user = u));
      $timeout.flush(0); // angular-mocks: the digest $evalAsync scheduled
      expect(user).toEqual({ sub: 'auth0|admin' });
    });
  });
});
