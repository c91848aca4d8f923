// The ngRoute guard: the same behaviour as the ui-router one, through a route's `resolve`.
import angular from 'angular';
import 'angular-route';
import type { AuthProvider } from './auth.module';
import { TEST_OPTIONS, authResult, setupAuth, type AuthSetup } from '../../test/helpers';

// angular-route ships no typings: the two parts used here.
interface RouteProvider {
  when(path: string, route: object): RouteProvider;
}
interface RouteService {
  current?: { originalPath?: string; locals?: Record<string, unknown> };
}

function defineRoutes($routeProvider: RouteProvider, authProvider: AuthProvider): void {
  $routeProvider
    .when('/', { template: 'home' })
    .when('/messages', { template: 'messages', resolve: { session: authProvider.requireLogin() } })
    .when('/admin', { template: 'admin', resolve: { session: authProvider.requireScope('write:messages') } });
}
defineRoutes.$inject = ['$routeProvider', 'authProvider'];

describe('ngRoute guards (resolve helpers)', () => {
  let t: AuthSetup;
  let $route: RouteService;
  const routesModule = angular.module('spec.routes', ['ngRoute', 'qs.auth']).config(defineRoutes).name;

  function setup(): void {
    t = setupAuth({}, routesModule);
    $route = t.$injector.get<RouteService>('$route');
  }
  const go = (url: string) => {
    t.$location.url(url);
    t.$rootScope.$digest();
  };

  beforeEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));

  it('sends a logged-out visitor to deniedPath with the reason, and the next login back to the refused page', () => {
    setup();
    go('/messages?tab=2');
    expect(t.$location.url()).toBe('/');
    expect($route.current?.originalPath).toBe('/');
    expect(t.auth.error).toBe('Log in to open /messages.');
    t.auth.login();
    expect(t.stub.authorize).toHaveBeenCalledWith({ appState: { returnTo: '/messages?tab=2' } });
  });

  it('lets a logged-in user in, resolving to the auth service', () => {
    setup();
    t.logIn(authResult({ appState: { returnTo: '/' } }));
    go('/messages');
    expect($route.current?.originalPath).toBe('/messages');
    expect($route.current?.locals?.['session']).toBe(t.auth);
  });

  it('explains a missing scope', () => {
    setup();
    t.logIn(authResult({ scope: 'openid profile read:messages', appState: { returnTo: '/' } }));
    go('/admin');
    expect($route.current?.originalPath).toBe('/');
    expect(t.auth.error).toBe('/admin needs the scope write:messages; your token grants read:messages.');
  });

  it('waits for the session restore before deciding: a reload on /messages stays there', () => {
    localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
    setup();
    go('/messages');
    expect($route.current?.locals).toBeUndefined(); // its resolve still waits for checkSession
    t.answer(null, authResult());
    expect($route.current?.originalPath).toBe('/messages');
    expect($route.current?.locals?.['session']).toBe(t.auth);
    expect(t.$location.url()).toBe('/messages');
  });
});
