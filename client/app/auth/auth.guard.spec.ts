import angular from 'angular';
import uiRouter, { type StateProvider, type StateService } from '@uirouter/angularjs';
import authModule, { type AuthService } from './auth.module';
import type { AuthProvider } from './auth.provider';
import { accessDenial } from './auth.guard';
import { WebAuthStub, TEST_OPTIONS, authResult } from '../../test/helpers';

describe('route guards', () => {
  let stub: WebAuthStub;
  let auth: AuthService;
  let $state: StateService;
  let $timeout: angular.ITimeoutService;
  let $location: angular.ILocationService;

  function setup(): void {
    angular.mock.module(uiRouter, authModule, [
      'authProvider',
      '$stateProvider',
      (p: AuthProvider, $stateProvider: StateProvider) => {
        p.configure(TEST_OPTIONS);
        $stateProvider
          .state('home', { url: '/', template: 'home' })
          .state('profile', { url: '/profile', template: 'profile', data: { requiresLogin: true } })
          .state('admin', { url: '/admin', template: 'admin', data: { requiresScope: 'write:messages' } });
      },
    ]);
    angular.mock.inject(
      (
        _auth_: AuthService,
        _$state_: StateService,
        _$timeout_: angular.ITimeoutService,
        _$location_: angular.ILocationService,
      ) => {
        auth = _auth_;
        $state = _$state_;
        $timeout = _$timeout_;
        $location = _$location_;
      },
    );
  }

  function answer(err: object | null, result: object | null = null): void {
    stub.answer(err as never, result);
    $timeout.flush(0);
  }

  beforeEach(() => {
    localStorage.removeItem(TEST_OPTIONS.flagKey!);
    stub = new WebAuthStub();
  });
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey!));

  it('waits for the session restore before deciding: a reload on /profile stays there', () => {
    localStorage.setItem(TEST_OPTIONS.flagKey!, 'true');
    setup();
    $location.url('/profile');
    $timeout.flush(0);
    expect($state.current.name).not.toBe('profile'); // still waiting for checkSession
    answer(null, authResult());
    expect($state.current.name).toBe('profile');
    expect($location.url()).toBe('/profile');
  });

  it('keeps a reload on /admin there for a user granted write:messages', () => {
    localStorage.setItem(TEST_OPTIONS.flagKey!, 'true');
    setup();
    $location.url('/admin');
    $timeout.flush(0);
    answer(null, authResult());
    expect($state.current.name).toBe('admin');
  });

  it('after a failed restore on reload, sends the visitor home with the restore failure as the reason', () => {
    localStorage.setItem(TEST_OPTIONS.flagKey!, 'true');
    setup();
    $location.url('/profile');
    $timeout.flush(0);
    answer({ error: 'login_required', error_description: 'Login required' });
    expect($state.current.name).toBe('home');
    expect(auth.error).toMatch(/^Could not restore your session\. login_required: /);
  });

  it('sends a logged-out visitor home with a reason', () => {
    setup();
    $location.url('/profile');
    $timeout.flush(0);
    expect($state.current.name).toBe('home');
    expect(auth.error).toBe('Log in to open /profile.');
    auth.login();
    expect(stub.authorize).toHaveBeenCalledWith({ appState: { returnTo: '/profile' } }); // back where they wanted to go
  });

  it('refuses /admin without write:messages', () => {
    setup();
    auth.handleCallback('#access_token=x');
    answer(null, authResult({ scope: 'openid profile read:messages', appState: { returnTo: '/' } }));
    $state.go('admin');
    $timeout.flush(0);
    expect($state.current.name).toBe('home');
    expect(auth.error).toBe('/admin needs the scope write:messages; your token grants read:messages.');
  });

  it('explains denials in one line (unit)', () => {
    const fake = (authenticated: boolean, scopes: string[]) =>
      ({
        isAuthenticated: () => authenticated,
        hasScope: (s: string) => scopes.includes(s),
        grantedScopes: () => scopes,
      }) as unknown as AuthService;
    expect(accessDenial(fake(false, []), undefined, '/')).toBeNull();
    expect(accessDenial(fake(false, []), { requiresLogin: true }, '/profile')).toBe('Log in to open /profile.');
    expect(accessDenial(fake(true, []), { requiresLogin: true }, '/profile')).toBeNull();
    expect(accessDenial(fake(true, ['openid']), { requiresScope: 'write:messages' }, '/admin')).toBe(
      '/admin needs the scope write:messages; your token grants no API scopes.',
    );
    expect(accessDenial(fake(true, ['write:messages']), { requiresScope: 'write:messages' }, '/admin')).toBeNull();
  });
});
