import type angular from 'angular';
import uiRouter, { type StateProvider, type StateService } from '@uirouter/angularjs';
import { TEST_OPTIONS, setupAuth, type AuthSetup } from '../../../test/helpers';
import navModule from './nav.module';

describe('the auth banner', () => {
  let t: AuthSetup;
  let element: angular.IAugmentedJQuery;
  let $state: StateService;

  function states($stateProvider: StateProvider): void {
    $stateProvider
      .state('home', { url: '/', template: '' })
      .state('api', { url: '/api', template: '' })
      .state('profile', { url: '/profile', template: '', data: { requiresLogin: true } });
  }
  states.$inject = ['$stateProvider'];

  beforeEach(() => {
    localStorage.removeItem(TEST_OPTIONS.flagKey);
    t = setupAuth({}, uiRouter, navModule, states);
    $state = t.$injector.get<StateService>('$state');
    const $compile = t.$injector.get<angular.ICompileService>('$compile');
    element = $compile('<qs-nav></qs-nav>')(t.$rootScope.$new());
    t.$rootScope.$digest();
  });
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));

  /** Following a link (ui-sref), as the visitor does. */
  const go = (name: string) => {
    void $state.go(name, {}, { source: 'sref' });
    t.$rootScope.$digest();
  };
  const banner = () => element[0].querySelector('#authError');

  it("a refused page's reason is information, shown on the page the visitor lands on, gone on the next", () => {
    go('profile');
    expect($state.current.name).toBe('home');
    expect(banner()?.textContent).toBe('Log in to open /profile.');
    expect(banner()?.getAttribute('data-severity')).toBe('info');
    expect(banner()?.getAttribute('role')).toBe('status');
    go('api');
    expect(banner()).toBeNull();
    // Refused again: shown again, though the module kept the same line.
    go('profile');
    expect(banner()?.textContent).toBe('Log in to open /profile.');
  });

  it('a failed login is an error (role alert), and stays only on the page it was raised on', () => {
    go('api');
    // The callback's failure sends the visitor to / (the auth module's own move, not a link).
    void t.auth.handleCallback('#error=access_denied&error_description=nope');
    t.answer({ error: 'access_denied', errorDescription: 'nope' });
    expect($state.current.name).toBe('home');
    expect(banner()?.textContent).toBe('Login failed. access_denied: nope');
    expect(banner()?.getAttribute('data-severity')).toBe('error');
    expect(banner()?.getAttribute('role')).toBe('alert');
    go('api');
    expect(banner()).toBeNull();
  });
});
