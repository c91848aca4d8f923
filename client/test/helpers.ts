// Shared by the specs: unsigned JWT-shaped strings (the browser never verifies access tokens), the
// auth0-js boundary, stubbed on WebAuth's prototype so the real angular-auth0 wrapper runs, and
// setupAuth(), the auth module as the auth specs inject it.
import angular from 'angular';
import 'angular-mocks';
import { WebAuth, Authentication } from 'auth0-js';
import type { Auth0DecodedHash, Auth0Error } from 'auth0-js';
import type { AngularAuth0Provider } from 'angular-auth0';
import authModule, { type AuthOptions, type AuthProvider, type AuthService } from '../app/auth/auth.module';

export interface IHttpBackend {
  expectGET(
    url: string,
    headers?: (headers: Record<string, string>) => boolean,
  ): { respond(status: number, data?: unknown): void };
  expectPOST(url: string): { respond(status: number, data?: unknown): void };
  expect(
    method: string,
    url: string,
    data?: unknown,
    headers?: (headers: Record<string, string>) => boolean,
  ): { respond(status: number, data?: unknown): void };
  flush(): void;
  verifyNoOutstandingExpectation(): void;
  verifyNoOutstandingRequest(): void;
}

function b64url(value: object): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export function fakeJwt(claims: object, header: object = { alg: 'RS256', typ: 'JWT', kid: 'k1' }): string {
  return `${b64url(header)}.${b64url(claims)}.c2lnbmF0dXJl`;
}

/** The specs' tenant, client and API (karma.conf.js defines __AUTH_CONFIG__ with the app's scope). */
export const TEST_OPTIONS: AuthOptions & { flagKey: string } = { ...__AUTH_CONFIG__, flagKey: 'spec.auth.wasLoggedIn' };

/** The issuer of a local http tenant is its origin plus '/' (auth.options.spec.ts checks it). */
export const ISSUER = 'http://localhost:3902/';
const now = () => Math.floor(Date.now() / 1000);

export function accessToken(scope = 'read:messages write:messages', lifetime = 7200): string {
  return fakeJwt({
    iss: ISSUER,
    sub: 'auth0|admin',
    aud: [TEST_OPTIONS.audience, `${ISSUER}userinfo`],
    azp: TEST_OPTIONS.clientID,
    scope,
    iat: now(),
    exp: now() + lifetime,
  });
}

export function idToken(): string {
  return fakeJwt({
    iss: ISSUER,
    sub: 'auth0|admin',
    aud: TEST_OPTIONS.clientID,
    nonce: 'n',
    name: 'Ada Admin',
    email: 'admin@example.com',
    iat: now(),
    exp: now() + 36000,
  });
}

export function authResult(overrides: Partial<Auth0DecodedHash> = {}): Auth0DecodedHash {
  const id = idToken();
  return {
    accessToken: accessToken(),
    idToken: id,
    idTokenPayload: JSON.parse(atob(id.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as object,
    expiresIn: 7200,
    tokenType: 'Bearer',
    scope: TEST_OPTIONS.scope,
    appState: { returnTo: '/profile' },
    ...overrides,
  };
}

type Callback = (err: Auth0Error | null, result: Auth0DecodedHash | null) => void;

/** Spies on auth0-js's WebAuth: the network and redirect boundary. Callbacks are answered later. */
export class WebAuthStub {
  readonly authorize = spyOn(WebAuth.prototype, 'authorize');
  readonly logout = spyOn(WebAuth.prototype, 'logout');
  readonly parseHash = spyOn(WebAuth.prototype, 'parseHash').and.callFake(((_options: unknown, cb: Callback) => {
    this.pending = cb;
  }) as never);
  readonly checkSession = spyOn(WebAuth.prototype, 'checkSession').and.callFake((_options: unknown, cb: Callback) => {
    this.pending = cb;
  });
  readonly userInfo = spyOn(Authentication.prototype, 'userInfo');
  private pending: Callback | null = null;

  /** Answers the last parseHash/checkSession call, as auth0-js would, then lets angular digest. */
  answer(err: Auth0Error | null, result: Auth0DecodedHash | null = null): void {
    const cb = this.pending;
    this.pending = null;
    if (!cb) throw new Error('no pending auth0-js call');
    cb(err, result);
  }
}

/** What setupAuth() gives a spec: the service, the auth0-js stub and the AngularJS services around them. */
export interface AuthSetup {
  auth: AuthService;
  stub: WebAuthStub;
  /** The options the provider passed to angular-auth0 (which hands them to auth0-js's WebAuth). */
  auth0Init: jasmine.Spy<AngularAuth0Provider['init']>;
  $rootScope: angular.IRootScopeService;
  $timeout: angular.ITimeoutService;
  $location: angular.ILocationService;
  $http: angular.IHttpService;
  $httpBackend: IHttpBackend;
  $injector: angular.auto.IInjectorService;
  /** auth0-js answers the pending parseHash/checkSession; angular-auth0 brings it into a digest. */
  answer(err: object | null, result?: Auth0DecodedHash | null): void;
  /** A session from a login response; returns that response. */
  logIn(result?: Auth0DecodedHash): Auth0DecodedHash;
}

/**
 * Loads `modules` (e.g. ui-router and some states), then the auth module configured with
 * TEST_OPTIONS + `options`, with auth0-js stubbed. Call it where the spec's browser state (the
 * stored flag, the URL) is already set: the module starts handling them as soon as it is injected.
 */
export function setupAuth(options: Partial<AuthOptions> = {}, ...modules: unknown[]): AuthSetup {
  const stub = new WebAuthStub();
  let auth0Init: AuthSetup['auth0Init'] | undefined;
  function recordInit(angularAuth0Provider: AngularAuth0Provider): void {
    auth0Init = spyOn(angularAuth0Provider, 'init').and.callThrough();
  }
  recordInit.$inject = ['angularAuth0Provider'];
  function configure(authProvider: AuthProvider, $locationProvider: angular.ILocationProvider): void {
    // html5Mode, as the app (the auth module checks a hashbang app's redirectUri against the page).
    $locationProvider.html5Mode({ enabled: true, requireBase: false });
    authProvider.configure({ ...TEST_OPTIONS, ...options });
  }
  configure.$inject = ['authProvider', '$locationProvider'];
  angular.mock.module(...modules, authModule, recordInit, configure);

  let setup: AuthSetup | undefined;
  angular.mock.inject(($injector: angular.auto.IInjectorService) => {
    const $timeout = $injector.get('$timeout');
    const auth = $injector.get<AuthService>('auth');
    const answer = (err: object | null, result: Auth0DecodedHash | null = null) => {
      stub.answer(err as Auth0Error | null, result);
      $timeout.flush(0); // the digest angular-auth0's $evalAsync scheduled
    };
    setup = {
      auth,
      stub,
      auth0Init: auth0Init!,
      $rootScope: $injector.get('$rootScope'),
      $timeout,
      $location: $injector.get('$location'),
      $http: $injector.get('$http'),
      $httpBackend: $injector.get<IHttpBackend>('$httpBackend'),
      $injector,
      answer,
      logIn: (result = authResult()) => {
        void auth.handleCallback('#access_token=x');
        answer(null, result);
        return result;
      },
    };
  });
  return setup!;
}
