// The README's "Add it to your app" lines, tested: a fresh module that depends only on the auth
// module (no ui-router, none of this sample's states) gets login, the callback and the interceptor.
import angular from 'angular';
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

describe('"Add it to your app"', () => {
  let stub: WebAuthStub;

  beforeEach(() => {
    localStorage.removeItem('auth.wasLoggedIn');
    stub = new WebAuthStub();
    angular.mock.module('myApp');
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
        auth.login('/');
        const webAuth = stub.authorize.calls.mostRecent().object as unknown as { baseOptions: Record<string, unknown> };
        expect(webAuth.baseOptions).toEqual(
          jasmine.objectContaining({
            domain: 'my-tenant.us.auth0.com',
            clientID: 'YOUR_CLIENT_ID',
            audience: 'https://quickstarts/api',
            responseType: 'token id_token',
          }),
        );
        expect(auth.options.issuer).toBe('https://my-tenant.us.auth0.com/');

        auth.handleCallback('#access_token=x');
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
        $httpBackend.expectGET('/views/page.html', (h) => h['Authorization'] === undefined).respond(200, '');
        $http.get('https://api.example.com/api/private');
        $http.get('/views/page.html');
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
