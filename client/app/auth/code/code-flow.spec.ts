// The module over the code flow: auth0-spa-js's real Auth0Client, its network and redirect methods
// spied on its prototype (as the implicit specs spy on auth0-js's WebAuth). The auth service, the
// audience tokens and the guards are the same code as with the implicit flow.
import angular from 'angular';
import 'angular-mocks';
import { Auth0Client } from '@auth0/auth0-spa-js';
import { authModuleWith, type AuthOptions, type AuthService } from '../auth.module';
import type { AudienceTokenError, AudienceTokens } from '../audience-tokens';
import { selectedFlow } from '../selected-flow.code';
import { TEST_OPTIONS, accessToken, idToken } from '../../../test/helpers';

const MODULE = authModuleWith(selectedFlow, 'qs.auth.code-flow-spec');

/** What the spied SDK methods answer, settled by each spec. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

interface CodeSetup {
  auth: AuthService;
  audienceTokens: AudienceTokens;
  client: Auth0Client;
  /** Lets native promises settle, then AngularJS digest. */
  settle(): Promise<void>;
}

function setup(options: Partial<AuthOptions> = {}): CodeSetup {
  function configure(authProvider: { configure(o: AuthOptions): void }, $locationProvider: angular.ILocationProvider) {
    $locationProvider.html5Mode({ enabled: true, requireBase: false });
    authProvider.configure({ ...TEST_OPTIONS, ...options });
  }
  configure.$inject = ['authProvider', '$locationProvider'];
  angular.mock.module(MODULE, configure);
  let result: CodeSetup | undefined;
  angular.mock.inject(($injector: angular.auto.IInjectorService) => {
    const $rootScope = $injector.get<angular.IRootScopeService>('$rootScope');
    const flow = $injector.get<{ client: Auth0Client }>('authFlow');
    result = {
      auth: $injector.get<AuthService>('auth'),
      audienceTokens: $injector.get<AudienceTokens>('audienceTokens'),
      client: flow.client,
      settle: async () => {
        for (let i = 0; i < 5; i++) {
          // eslint-disable-next-line angular/timeout-service -- the SDK's native promises settle outside AngularJS
          await new Promise((done) => setTimeout(done));
          $rootScope.$digest();
        }
      },
    };
  });
  return result!;
}

/** handleRedirectCallback's answer for a login (not a connected account). */
const loginResult = (appState: object) => ({ appState }) as Awaited<ReturnType<Auth0Client['handleRedirectCallback']>>;

const tokens = (scope = 'openid profile read:messages', lifetime = 7200) => ({
  access_token: accessToken('read:messages', lifetime),
  id_token: idToken(),
  expires_in: 86400, // what a cached answer says: the original lifetime, not what is left
  scope,
  token_type: 'Bearer',
});

describe('the code flow (auth0-spa-js)', () => {
  let getToken: jasmine.Spy;
  beforeEach(() => {
    localStorage.removeItem(TEST_OPTIONS.flagKey);
    getToken = spyOn(Auth0Client.prototype, 'getTokenSilently');
  });
  afterEach(() => localStorage.removeItem(TEST_OPTIONS.flagKey));

  it('builds auth0-spa-js for the tenant: refresh tokens, in memory with its worker from the app, the iframe as fallback', () => {
    const { client } = setup({ workerUrl: '/auth0-spa-js.worker.abc.js' });
    const options = (client as unknown as { options: Record<string, unknown> }).options;
    expect(options).toEqual(
      jasmine.objectContaining({
        domain: 'http://localhost:3902',
        clientId: 'spec-client',
        useRefreshTokens: true,
        useRefreshTokensFallback: true,
        cacheLocation: 'memory',
        workerUrl: '/auth0-spa-js.worker.abc.js',
      }),
    );
    expect(options['issuer']).toBeUndefined(); // auth0-spa-js derives http://localhost:3902/ from the domain
    expect(options['authorizationParams']).toEqual(
      jasmine.objectContaining({
        audience: 'https://quickstarts/api',
        redirect_uri: `${window.location.origin}/callback`,
      }),
    );
  });

  it('with localstorage, no iframe fallback: a refused refresh token ends the session instead of hiding behind it', () => {
    const { client } = setup({ cacheLocation: 'localstorage' });
    const options = (client as unknown as { options: Record<string, unknown> }).options;
    expect([options['cacheLocation'], options['useRefreshTokensFallback']]).toEqual(['localstorage', false]);
  });

  it('logs in with a redirect carrying the return path only (the client keeps audience and scope)', () => {
    const redirect = spyOn(Auth0Client.prototype, 'loginWithRedirect').and.resolveTo();
    setup().auth.login('/profile');
    expect(redirect).toHaveBeenCalledOnceWith({ appState: { returnTo: '/profile' }, authorizationParams: {} });
  });

  it('redeems the code of the callback, then starts the session with the tokens of that login', async () => {
    const callback = spyOn(Auth0Client.prototype, 'handleRedirectCallback').and.resolveTo(
      loginResult({ returnTo: '/api' }),
    );
    getToken.and.resolveTo(tokens());
    const t = setup();
    void t.auth.handleCallback('?code=c&state=s');
    await t.settle();
    expect(callback).toHaveBeenCalledOnceWith(`${window.location.origin}${window.location.pathname}?code=c&state=s`);
    expect(getToken).toHaveBeenCalledOnceWith({ authorizationParams: {}, detailedResponse: true });
    expect(t.auth.isAuthenticated()).toBeTrue();
    expect(t.auth.grantedScopes()).toEqual(['openid', 'profile', 'read:messages']);
    expect(t.auth.getClaims()?.['name']).toBe('Ada Admin');
  });

  it('explains a refused refresh token at renewal, and ends the session', async () => {
    getToken.and.resolveTo(tokens('openid', 30)); // renewed at half its life: 15 s
    const t = setup();
    spyOn(Auth0Client.prototype, 'handleRedirectCallback').and.resolveTo(loginResult({}));
    void t.auth.handleCallback('?code=c&state=s');
    await t.settle();
    expect(t.auth.isAuthenticated()).toBeTrue();
    const refused = deferred<never>();
    getToken.and.returnValue(refused.promise);
    angular.mock.inject(($timeout: angular.ITimeoutService) => $timeout.flush(16_000));
    expect(getToken.calls.mostRecent().args[0]).toEqual({ cacheMode: 'off', detailedResponse: true });
    // auth0-spa-js's GenericError for Auth0's 403 invalid_grant.
    refused.reject(
      Object.assign(new Error('Unknown or invalid refresh token.'), {
        error: 'invalid_grant',
        error_description: 'Unknown or invalid refresh token.',
      }),
    );
    await t.settle();
    expect(t.auth.isAuthenticated()).toBeFalse();
    expect(t.auth.error).toMatch(
      /^Your session ended: the token could not be renewed\. invalid_grant: the tenant refused the refresh token .*reuse detection.*Log in again\.$/,
    );
  });

  it('says a refresh token cannot serve another API, and offers the login for it (interactive)', async () => {
    const t = setup({ cacheLocation: 'localstorage' });
    getToken.and.rejectWith(
      Object.assign(new Error('Missing Refresh Token'), {
        error: 'missing_refresh_token',
        error_description: 'Missing Refresh Token',
      }),
    );
    let failure: AudienceTokenError | undefined;
    t.audienceTokens
      .get({ audience: 'https://tenant/api/v2/', scope: 'read:current_user' })
      .catch((e: AudienceTokenError) => (failure = e));
    await t.settle();
    expect(getToken).toHaveBeenCalledWith(
      jasmine.objectContaining({
        authorizationParams: { audience: 'https://tenant/api/v2/', scope: 'read:current_user' },
      }),
    );
    expect(failure?.interactive).toBeTrue();
    expect(failure?.message).toContain('no refresh token in this browser serves this API');
  });

  it('names a network failure as such, not as a bad response', async () => {
    localStorage.setItem(TEST_OPTIONS.flagKey, 'true');
    getToken.and.rejectWith(new TypeError('Failed to fetch'));
    const t = setup();
    await t.settle();
    expect(t.auth.error).toContain('request_error: no answer from the tenant');
  });

  it('revokes the refresh token, then logs out at the tenant, even when the revocation fails', async () => {
    const revoke = spyOn(Auth0Client.prototype, 'revokeRefreshToken').and.rejectWith(new TypeError('Failed to fetch'));
    const logout = spyOn(Auth0Client.prototype, 'logout').and.resolveTo();
    const t = setup();
    t.auth.logout();
    await t.settle();
    expect(revoke).toHaveBeenCalledBefore(logout);
    expect(logout).toHaveBeenCalledOnceWith({ logoutParams: { returnTo: window.location.origin } });
  });
});
