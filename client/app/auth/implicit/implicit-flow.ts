// The implicit flow: angular-auth0 over auth0-js 10. Tokens come back in the URL's fragment
// (authorize + parseHash), and a hidden iframe (checkSession) restores and renews the session with
// the tenant's session cookie. The build that selects it carries no auth0-spa-js.
import type angular from 'angular';
import angularAuth0Module, { type AngularAuth0, type AngularAuth0Provider } from 'angular-auth0';
import type { AuthFlow, FlowDefinition, TokenRequest } from '../auth-flow';
import type { ResolvedAuthOptions } from '../auth.options';
import { checkSession, parseHash } from './auth0-calls';
import { fetchUserInfo } from './user-info';

class ImplicitFlow implements AuthFlow {
  static $inject = ['authOptions', 'angularAuth0', '$q', '$rootScope'];

  constructor(
    private readonly options: ResolvedAuthOptions,
    private readonly angularAuth0: AngularAuth0,
    private readonly $q: angular.IQService,
    private readonly $rootScope: angular.IRootScopeService,
  ) {}

  login({ appState, audience, scope }: { appState: object; audience?: string; scope?: string }): void {
    this.angularAuth0.authorize({ ...(audience ? { audience } : {}), ...(scope ? { scope } : {}), appState });
  }

  handleResponse(hash: string) {
    return parseHash(this.$q, this.angularAuth0, hash);
  }

  restore() {
    return checkSession(this.$q, this.angularAuth0, { timeout: this.options.silentAuthTimeoutMs });
  }

  renew() {
    return this.restore();
  }

  /** responseType token: no id_token to verify, the session already has one. */
  token(request: TokenRequest) {
    const options = { ...request, responseType: 'token', timeout: this.options.silentAuthTimeoutMs };
    return checkSession(this.$q, this.angularAuth0, options);
  }

  userInfo(accessToken: string) {
    return fetchUserInfo(this.angularAuth0, this.$q, this.$rootScope, accessToken);
  }

  logout(returnTo: string): void {
    this.angularAuth0.logout({ returnTo, clientID: this.options.clientID });
  }
}

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

export const implicitFlow: FlowDefinition = {
  name: 'implicit',
  responseIn: 'fragment',
  requires: [angularAuth0Module],
  configure,
  service: ImplicitFlow,
};
