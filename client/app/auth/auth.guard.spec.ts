import uiRouter, { type StateProvider, type StateService } from '@uirouter/angularjs';
import type { AuthService } from './auth.module';
import { accessDenial } from './auth.guard';
import { TEST_OPTIONS, authResult, setupAuth, type AuthSetup } from '../../test/helpers';

function defineStates($stateProvider: StateProvider): void {
  $stateProvider
    .state('home', { url: '/', template: 'home' })
    .state('profile', { url: '/profile', template: 'profile', data: { requiresLogin: true } })
    .state('admin', { url: '/admin', template: 'admin', data: { requiresScope: 'write:messages' } });
}
defineStates.$inject = ['$stateProvider'];

describe('route guards', () => {
  let t: AuthSetup;
  let $state: StateService;

  function setup(): void {
    t = setupAuth({}, uiRouter, defineStates);
    $state = t.$injector.get<StateService>('$state');
  }

  beforeEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));

  it('waits for the session restore before deciding: a reload on /profile stays there', () => {
    localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
    setup();
    t.$location.url('/profile');
    t.$timeout.flush(0);
    expect($state.current.name).not.toBe('profile'); // still waiting for checkSession
    t.answer(null, authResult());
    expect($state.current.name).toBe('profile');
    expect(t.$location.url()).toBe('/profile');
  });

  it('keeps a reload on /admin there for a user granted write:messages', () => {
    localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
    setup();
    t.$location.url('/admin');
    t.$timeout.flush(0);
    t.answer(null, authResult());
    expect($state.current.name).toBe('admin');
  });

  it('after a failed restore on reload, sends the visitor home with the restore failure as the reason', () => {
    localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
    setup();
    t.$location.url('/profile');
    t.$timeout.flush(0);
    t.answer({ error: 'login_required', error_description: 'Login required' });
    expect($state.current.name).toBe('home');
    expect(t.auth.error).toMatch(/^Could not restore your session\. login_required: /);
  });

  it('sends a logged-out visitor home with a reason', () => {
    setup();
    t.$location.url('/profile');
    t.$timeout.flush(0);
    expect($state.current.name).toBe('home');
    expect(t.auth.error).toBe('Log in to open /profile.');
    t.auth.login();
    expect(t.stub.authorize).toHaveBeenCalledWith({ appState: { returnTo: '/profile' } }); // back where they wanted to go
  });

  it('refuses /admin without write:messages', () => {
    setup();
    t.auth.handleCallback('#access_token=x');
    t.answer(null, authResult({ scope: 'openid profile read:messages', appState: { returnTo: '/' } }));
    void $state.go('admin');
    t.$timeout.flush(0);
    expect($state.current.name).toBe('home');
    expect(t.auth.error).toBe('/admin needs the scope write:messages; your token grants read:messages.');
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
