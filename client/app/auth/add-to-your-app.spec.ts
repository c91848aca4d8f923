// docs/add-to-your-app.md's webpack + TypeScript lines, tested: a fresh module that depends only on the auth
// module (no ui-router, none of this sample's states) gets login, the callback and the interceptor.
import angular from 'angular';
import angularAuth0, { type AngularAuth0Provider } from 'angular-auth0';
import { WebAuthStub, authResult, type IHttpBackend } from '../../test/helpers';
import type { AuthService } from './auth.service';

// --- the snippet -------------------------------------------------------------------------------
import authModule, { type AuthProvider } from './auth.module';

function configureAuth(authProvider: AuthProvider): void {
  authProvider.configure({
    domain: 'my-tenant.us.auth0.com',
    clientID: 'YOUR_CLIENT_ID',
    audience: 'https://quickstarts/api',
    scope: 'openid profile email read:messages',
    apiOrigin: 'https://api.example.com',
  });
}
configureAuth.$inject = ['authProvider'];

angular.module('myApp', [authModule]).config(configureAuth);
// -----------------------------------------------------------------------------------------------

/** The app's own routing, as the docs' next step sets it: html5Mode, with /callback served by the app. */
function useHtml5Mode($locationProvider: angular.ILocationProvider): void {
  $locationProvider.html5Mode(true);
}
useHtml5Mode.$inject = ['$locationProvider'];
angular.module('myApp').config(useHtml5Mode);

describe('"Add it to your app"', () => {
  let stub: WebAuthStub;
  let auth0Init: jasmine.Spy<AngularAuth0Provider['init']>;

  /** Loaded before myApp, so that it sees what the snippet's configure() hands to angular-auth0. */
  function spyOnAuth0Init(angularAuth0Provider: AngularAuth0Provider): void {
    auth0Init = spyOn(angularAuth0Provider, 'init').and.callThrough();
  }
  spyOnAuth0Init.$inject = ['angularAuth0Provider'];

  beforeEach(() => {
    localStorage.removeItem('auth.wasLoggedIn');
    stub = new WebAuthStub();
    angular.mock.module(angularAuth0, spyOnAuth0Init, 'myApp');
  });
  afterEach(() => localStorage.removeItem('auth.wasLoggedIn'));

  it('logs in against the configured tenant and calls the API with the access token', () => {
    angular.mock.inject(
      (
        auth: AuthService,
        $http: angular.IHttpService,
        $httpBackend: IHttpBackend,
        $timeout: angular.ITimeoutService,
      ) => {
        expect(auth0Init).toHaveBeenCalledOnceWith(
          jasmine.objectContaining({
            domain: 'my-tenant.us.auth0.com',
            clientID: 'YOUR_CLIENT_ID',
            audience: 'https://quickstarts/api',
            responseType: 'token id_token',
          }),
        );
        expect(auth.expectations).toEqual({
          issuer: 'https://my-tenant.us.auth0.com/',
          audience: 'https://quickstarts/api',
          requestedScope: 'openid profile email read:messages',
        });
        auth.login('/');
        expect(stub.authorize).toHaveBeenCalledWith({ appState: { returnTo: '/' } });

        void auth.handleCallback('#access_token=x');
        const result = authResult();
        stub.answer(null, result);
        $timeout.flush(0);
        expect(auth.isAuthenticated()).toBeTrue();

        $httpBackend
          .expectGET(
            'https://api.example.com/api/private',
            (h) => h['Authorization'] === `Bearer ${result.accessToken}`,
          )
          .respond(200, { message: 'ok' });
        void $http.get('https://api.example.com/api/private');
        $httpBackend.flush(); // one at a time: the API's request waits for the start-up to settle, the template's does not
        $httpBackend.expectGET('/views/page.html', (h) => h['Authorization'] === undefined).respond(200, '');
        void $http.get('/views/page.html');
        $httpBackend.flush();
        $httpBackend.verifyNoOutstandingExpectation();
      },
    );
  });

  it('says how to configure it when configure() was not called', () => {
    angular.module('unconfiguredApp', [authModule]);
    expect(() => angular.injector(['ng', 'unconfiguredApp']).get('auth')).toThrowError(/authProvider\.configure/);
  });
});
