// The authorization code flow with PKCE and rotating refresh tokens: auth0-spa-js (Auth0's SPA SDK).
// The code comes back in the URL's query; the tokens come from the token endpoint, and refresh
// tokens renew them without the tenant's session cookie. Where they are kept is `cacheLocation`:
// `memory` (a worker holds the refresh token; a reload needs the tenant's session, in a hidden
// iframe, as the implicit flow does) or `localstorage` (a reload keeps the session without it, and
// a script injected into the page can read the refresh token). The build that selects this flow
// carries no auth0-js nor angular-auth0.
import type angular from 'angular';
import { Auth0Client, type GetTokenSilentlyVerboseResponse } from '@auth0/auth0-spa-js';
import type { AuthFlow, FlowDefinition, FlowResult, TokenRequest, UserProfile } from '../auth-flow';
import type { ResolvedAuthOptions } from '../auth.options';
import { decodeJwt } from '../jwt';
import { badCacheLocation } from './code-messages';
import { flowError, httpError } from './flow-errors';

/** What the module's session reads, from auth0-spa-js's answer; the lifetime from the token itself (a cached answer's expires_in is its original one). */
function resultOf(answer: GetTokenSilentlyVerboseResponse | undefined, appState?: unknown): FlowResult {
  if (!answer) throw new Error('the tenant answered no tokens.');
  const exp = decodeJwt(answer.access_token)?.payload['exp'];
  return {
    accessToken: answer.access_token,
    idToken: answer.id_token,
    expiresIn: typeof exp === 'number' ? exp - Date.now() / 1000 : answer.expires_in,
    ...(answer.scope ? { scope: answer.scope } : {}),
    ...(appState !== undefined ? { appState } : {}),
  };
}

/** The authorization parameters a token for `request` was, or is, asked with. */
const paramsOf = (request: Partial<TokenRequest>) => ({
  ...('audience' in request ? { audience: request.audience } : {}),
  ...(request.scope ? { scope: request.scope } : {}),
});

class CodeFlow implements AuthFlow {
  private readonly client: Auth0Client;

  constructor(
    private readonly options: ResolvedAuthOptions,
    private readonly $q: angular.IQService,
    private readonly $window: angular.IWindowService,
  ) {
    if (!['memory', 'localstorage'].includes(options.cacheLocation))
      throw new Error(badCacheLocation(options.cacheLocation));
    const https = options.tenantOrigin.startsWith('https://');
    this.client = new Auth0Client({
      domain: options.tenantOrigin,
      // auth0-spa-js derives the issuer from the domain; it takes only an https one as given.
      ...(https && options.issuer !== `${options.tenantOrigin}/` ? { issuer: options.issuer } : {}),
      clientId: options.clientID,
      authorizationParams: { audience: options.audience, scope: options.scope, redirect_uri: options.redirectUri },
      useRefreshTokens: true,
      // In memory a reload loses the refresh token: the iframe (the tenant's session) brings one back.
      // In localStorage it does not, and a refused refresh token must end the session, not hide behind the iframe.
      useRefreshTokensFallback: options.cacheLocation === 'memory',
      cacheLocation: options.cacheLocation,
      ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
      authorizeTimeoutInSeconds: options.silentAuthTimeoutMs / 1000,
      legacySameSiteCookie: false,
    });
  }

  login({ appState, audience, scope }: { appState: object; audience?: string; scope?: string }): void {
    const params = { ...(audience ? { audience } : {}), ...(scope ? { scope } : {}) };
    void this.client.loginWithRedirect({ appState, authorizationParams: params });
  }

  /** The code in `?code=...&state=...`, redeemed with its PKCE verifier; then the tokens of that login's audience. */
  handleResponse(query: string) {
    // The module took the query out of the address bar, not the path: the page is the callback's.
    const { origin, pathname } = this.$window.location;
    const url = `${origin}${pathname}${query}`;
    return this.wrap(
      this.client
        .handleRedirectCallback<Partial<TokenRequest>>(url)
        .then(({ appState }) =>
          this.client
            .getTokenSilently({ authorizationParams: paramsOf(appState ?? {}), detailedResponse: true })
            .then((answer) => resultOf(answer, appState)),
        ),
    );
  }

  /** `renew`: a refresh token exchange (rotation), whatever the SDK still keeps. */
  restore(renew = false) {
    const answer = this.client.getTokenSilently({
      ...(renew ? { cacheMode: 'off' as const } : {}),
      detailedResponse: true,
    });
    return this.wrap(answer.then((result) => resultOf(result)));
  }

  /**
   * A refresh token serves the API of its own login only: another API's token comes from the hidden
   * iframe (memory) or, when that cannot be used, the SDK says missing_refresh_token, and a login
   * for that API is the way (`audienceTokens.login()`).
   */
  token(request: TokenRequest, fresh = false) {
    const answer = this.client.getTokenSilently({
      authorizationParams: paramsOf(request),
      cacheMode: fresh ? 'off' : 'on',
      detailedResponse: true,
    });
    return this.wrap(answer.then((result) => resultOf(result)));
  }

  userInfo(accessToken: string): angular.IPromise<UserProfile> {
    const answer = this.$window
      .fetch(`${this.options.tenantOrigin}/userinfo`, { headers: { Authorization: `Bearer ${accessToken}` } })
      .then(async (response) => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the module's failures are FlowError objects, as auth0-js's are
        if (!response.ok) throw await httpError(response);
        return (await response.json()) as UserProfile;
      });
    return this.wrap(answer);
  }

  /** The refresh token is revoked at the tenant first (RFC 7009), so a copy of it is worth nothing. */
  logout(returnTo: string): void {
    void this.client
      .revokeRefreshToken()
      .catch(() => undefined) // the tenant's session still ends below
      .then(() => this.client.logout({ logoutParams: { returnTo } }));
  }

  /** A native promise as a $q one (its answer lands in a digest), with its failure as a FlowError. */
  private wrap<T>(promise: Promise<T>): angular.IPromise<T> {
    return this.$q.when(promise).catch((error: unknown) => this.$q.reject(flowError(error)));
  }
}

function codeFlowService(options: ResolvedAuthOptions, $q: angular.IQService, $window: angular.IWindowService) {
  return new CodeFlow(options, $q, $window);
}
codeFlowService.$inject = ['authOptions', '$q', '$window'];

export const codeFlow: FlowDefinition = {
  // A code or an error, with the state, in the query (not the page's own parameters).
  responseIn: { part: 'search', pattern: /^(?=.*[?&]state=).*[?&](code|error)=/ },
  requires: [],
  configure: () => undefined, // auth0-spa-js has no provider: the service is built from the options
  service: codeFlowService,
};
