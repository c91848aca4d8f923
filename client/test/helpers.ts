// Shared by the specs: unsigned JWT-shaped strings (the browser never verifies access tokens) and
// the auth0-js boundary, stubbed on WebAuth's prototype so the real angular-auth0 wrapper runs.
import 'angular';
import 'angular-mocks';
import { WebAuth, Authentication } from 'auth0-js';
import type { Auth0DecodedHash, Auth0Error } from 'auth0-js';
import type { AuthOptions } from '../../client/app/auth/auth.module';

export interface IHttpBackend {
  expectGET(
    url: string,
    headers?: (headers: Record<string, string>) => boolean,
  ): { respond(status: number, data?: unknown): void };
  whenGET(url: string | RegExp): { respond(status: number, data?: unknown): void };
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

export const TEST_OPTIONS: AuthOptions = {
  domain: 'http://localhost:3902',
  clientID: 'spec-client',
  audience: 'https://quickstarts/api',
  scope: 'openid profile email read:messages write:messages',
  apiOrigin: 'http://localhost:3901',
  overrides: { __token_issuer: 'http://localhost:3902/' },
  flagKey: 'spec.auth.wasLoggedIn',
};

export const ISSUER = 'http://localhost:3902/';
const now = () => Math.floor(Date.now() / 1000);

export function accessToken(scope = 'read:messages write:messages', lifetime = 7200): string {
  return fakeJwt({
    iss: ISSUER,
    sub: 'auth0|admin',
    aud: ['https://quickstarts/api', `${ISSUER}userinfo`],
    azp: 'spec-client',
    scope,
    iat: now(),
    exp: now() + lifetime,
  });
}

export function idToken(): string {
  return fakeJwt({
    iss: ISSUER,
    sub: 'auth0|admin',
    aud: 'spec-client',
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
    scope: 'openid profile email read:messages write:messages',
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
