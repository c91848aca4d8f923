import angular from 'angular';
import authModule, { type AuthService } from './auth.module';
import type { AuthProvider } from './auth.provider';
import { isApiRequest } from './api-token-getter';
import { WebAuthStub, TEST_OPTIONS, authResult, type IHttpBackend } from '../../test/helpers';

describe('isApiRequest (the origin rule)', () => {
  const api = 'http://localhost:3901';
  const page = 'http://localhost:3900/api';

  it('matches the API origin exactly: scheme, host and port', () => {
    expect(isApiRequest('http://localhost:3901/api/private', api, page)).toBeTrue();
    expect(isApiRequest('http://LOCALHOST:3901/api/private?x=1', api, page)).toBeTrue();
  });

  it('refuses everything else', () => {
    expect(isApiRequest('/templates/home.html', api, page)).toBeFalse(); // same-origin template
    expect(isApiRequest('http://localhost:3902/userinfo', api, page)).toBeFalse(); // the tenant
    expect(isApiRequest('http://localhost:3000/api/private', api, page)).toBeFalse(); // another port
    expect(isApiRequest('https://localhost:3901/api/private', api, page)).toBeFalse(); // another scheme
    expect(isApiRequest('http://127.0.0.1:3901/api/private', api, page)).toBeFalse(); // another host
    expect(isApiRequest('http://localhost:3901.evil.example/api', api, page)).toBeFalse();
    expect(isApiRequest('http://[bad', api, page)).toBeFalse();
  });
});

describe('jwtInterceptor with the auth module', () => {
  let $http: angular.IHttpService;
  let $httpBackend: IHttpBackend;
  let result: ReturnType<typeof authResult>;

  beforeEach(() => {
    const stub = new WebAuthStub();
    angular.mock.module(authModule, ['authProvider', (p: AuthProvider) => p.configure(TEST_OPTIONS)]);
    angular.mock.inject(
      (
        auth: AuthService,
        _$http_: angular.IHttpService,
        _$httpBackend_: IHttpBackend,
        $timeout: angular.ITimeoutService,
      ) => {
        $http = _$http_;
        $httpBackend = _$httpBackend_;
        auth.handleCallback('#access_token=x');
        result = authResult();
        stub.answer(null, result);
        $timeout.flush(0);
        expect(auth.isAuthenticated()).toBeTrue();
      },
    );
  });
  afterEach(() => {
    $httpBackend.verifyNoOutstandingExpectation();
    $httpBackend.verifyNoOutstandingRequest();
  });

  const bearer = () => `Bearer ${result.accessToken}`;

  it('sends the access token (not the id_token) to the API', () => {
    $httpBackend
      .expectGET('http://localhost:3901/api/private', (h) => h['Authorization'] === bearer())
      .respond(200, {});
    $http.get('http://localhost:3901/api/private');
    $httpBackend.flush();
  });

  for (const url of [
    '/templates/home.html',
    'http://localhost:3902/userinfo',
    'http://localhost:3000/api/private',
    'https://localhost:3901/api/private',
  ]) {
    it(`sends no token to ${url}`, () => {
      $httpBackend.expectGET(url, (h) => h['Authorization'] === undefined).respond(200, {});
      $http.get(url);
      $httpBackend.flush();
    });
  }
});
