import { isApiRequest } from './api-token-getter';
import { TEST_OPTIONS, setupAuth, type AuthSetup } from '../../test/helpers';

describe('isApiRequest (the origin rule)', () => {
  const api = 'http://localhost:3901';
  const page = 'http://localhost:3900/api';

  it('matches the API origin exactly: scheme, host and port', () => {
    expect(isApiRequest('http://localhost:3901/api/private', api, page)).toBeTrue();
    expect(isApiRequest('http://LOCALHOST:3901/api/private?x=1', api, page)).toBeTrue();
  });

  it('refuses everything else', () => {
    expect(isApiRequest('/views/page.html', api, page)).toBeFalse(); // same origin as the page
    expect(isApiRequest('http://localhost:3902/userinfo', api, page)).toBeFalse(); // the tenant
    expect(isApiRequest('http://localhost:3000/api/private', api, page)).toBeFalse(); // another port
    expect(isApiRequest('https://localhost:3901/api/private', api, page)).toBeFalse(); // another scheme
    expect(isApiRequest('http://127.0.0.1:3901/api/private', api, page)).toBeFalse(); // another host
    expect(isApiRequest('http://localhost:3901.evil.example/api', api, page)).toBeFalse();
    expect(isApiRequest('http://[bad', api, page)).toBeFalse();
  });
});

describe('jwtInterceptor with the auth module', () => {
  let t: AuthSetup;
  let bearer: string;

  beforeEach(() => {
    // No restore running: the token getter waits for one (the API page's spec shows it), and none is answered here.
    localStorage.removeItem(TEST_OPTIONS.flagKey);
    t = setupAuth();
    bearer = `Bearer ${t.logIn().accessToken}`;
    expect(t.auth.isAuthenticated()).toBeTrue();
  });
  afterEach(() => {
    t.$httpBackend.verifyNoOutstandingExpectation();
    t.$httpBackend.verifyNoOutstandingRequest();
    localStorage.removeItem(TEST_OPTIONS.flagKey);
  });

  it('sends the access token (not the id_token) to the API', () => {
    t.$httpBackend
      .expectGET(`${TEST_OPTIONS.apiOrigin}/api/private`, (h) => h['Authorization'] === bearer)
      .respond(200);
    void t.$http.get(`${TEST_OPTIONS.apiOrigin}/api/private`);
    t.$httpBackend.flush();
  });

  for (const [where, url] of [
    ['the app origin, relative', '/views/page.html'],
    ['the app origin, absolute', `${window.location.origin}/views/page.html`],
    ['the tenant, another port on the API host', 'http://localhost:3902/userinfo'],
    ["the tenant's Management API", 'http://localhost:3902/api/v2/users/auth0%7Cadmin'],
    ['another port', 'http://localhost:3000/api/private'],
    ['another scheme', 'https://localhost:3901/api/private'],
  ]) {
    it(`sends no token to ${where} (${url.replace(window.location.origin, '')})`, () => {
      t.$httpBackend.expectGET(url, (h) => h['Authorization'] === undefined).respond(200, {});
      void t.$http.get(url);
      t.$httpBackend.flush();
    });
  }

  it('sends no token with a template fetched for templateUrl', () => {
    t.$httpBackend.expectGET('/views/page.html', (h) => h['Authorization'] === undefined).respond(200, '<p></p>');
    void t.$injector.get<angular.ITemplateRequestService>('$templateRequest')('/views/page.html');
    t.$httpBackend.flush();
  });
});
