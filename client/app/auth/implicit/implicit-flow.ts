// The implicit flow: angular-auth0 over auth0-js 10. Tokens come back in the URL's fragment
// (authorize + parseHash), and a hidden iframe (checkSession) restores and renews the session with
// the tenant's session cookie. angular-auth0 runs the callbacks of WebAuth's own methods inside a
// digest, not those of `client.*` (userInfo). The build that selects this flow carries no auth0-spa-js.
import type angular from 'angular';
import angularAuth0Module, { type AngularAuth0, type AngularAuth0Provider } from 'angular-auth0';
import type { Auth0DecodedHash } from 'auth0-js';
import type { AuthFlow, FlowDefinition, TokenRequest, UserProfile } from '../auth-flow';
import type { ResolvedAuthOptions } from '../auth.options';

type Callback<T> = (err: unknown, result: T | null) => void;

/** A closure rather than a class: the bundle (within its budget) carries no repeated `this.` properties. */
function implicitFlow(
  options: ResolvedAuthOptions,
  angularAuth0: AngularAuth0,
  $q: angular.IQService,
  $rootScope: angular.IRootScopeService,
): AuthFlow {
  // An answer without a result counts as a failure, as an error does.
  const settle = <T>(call: (cb: Callback<T>) => void) =>
    $q<T>((resolve, reject) => call((err, result) => (err || !result ? reject(err) : resolve(result))));
  // checkSession: a hidden iframe, prompt=none, web_message, with the tenant's session cookie.
  const silently = (request?: TokenRequest) =>
    settle<Auth0DecodedHash>((cb) =>
      angularAuth0.checkSession(
        // responseType token: no id_token to verify, the session already has one.
        { ...(request ? { ...request, responseType: 'token' } : {}), timeout: options.silentAuthTimeoutMs },
        cb,
      ),
    );
  return {
    login: (request) => angularAuth0.authorize(request),
    // state, then the id_token: signature, iss, aud, nonce, at_hash.
    handleResponse: (hash) => settle<Auth0DecodedHash>((cb) => angularAuth0.parseHash({ hash }, cb)),
    restore: () => silently(),
    token: silently,
    userInfo: (accessToken) =>
      settle<UserProfile>((cb) =>
        angularAuth0.client.userInfo(accessToken, (err, user) =>
          $rootScope.$evalAsync(() => cb(err, user as unknown as UserProfile)),
        ),
      ),
    logout: (returnTo) => angularAuth0.logout({ returnTo, clientID: options.clientID }),
  };
}
implicitFlow.$inject = ['authOptions', 'angularAuth0', '$q', '$rootScope'];

function configure(providers: angular.auto.IInjectorService, options: ResolvedAuthOptions): void {
  providers.get<AngularAuth0Provider>('angularAuth0Provider').init({
    domain: options.domain,
    clientID: options.clientID,
    audience: options.audience, // without it the access token is opaque and the API answers 401
    scope: options.scope,
    responseType: 'token id_token',
    redirectUri: options.redirectUri,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
}

export const implicitFlowDefinition: FlowDefinition = {
  // Tokens or an error in the fragment (not an anchor, nor a hashbang route).
  responseIn: { part: 'hash', pattern: /(^|[#&])(access_token|id_token|error)=/ },
  requires: [angularAuth0Module],
  configure,
  service: implicitFlow,
};
