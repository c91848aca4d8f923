import type angular from 'angular';
import type { JwtOptionsProvider } from 'angular-jwt';
import type { FlowDefinition } from './auth-flow';
import { resolveOptions, type AuthOptions, type ResolvedAuthOptions } from './auth.options';
import { AuthService } from './auth.service';
import { apiTokenGetter } from './api-token-getter';
import { apiUnreachableInterceptor } from './api-unreachable';
import { resolveAccess } from './route-resolve';

/**
 * `authProvider.configure({...})` in a config block is the whole setup: it configures the flow's
 * SDK (angular-auth0 for the implicit flow; auth0-spa-js's client is built from the same options)
 * and angular-jwt (token to the API only).
 */
export class AuthProvider {
  static $inject = ['authFlowDefinition', '$injector', 'jwtOptionsProvider', '$locationProvider', '$httpProvider'];

  private options: ResolvedAuthOptions | null = null;

  constructor(
    private readonly flow: FlowDefinition,
    /** The provider injector: the flow's SDK provider, when it has one. */
    private readonly providers: angular.auto.IInjectorService,
    private readonly jwtOptionsProvider: JwtOptionsProvider,
    private readonly $locationProvider: angular.ILocationProvider,
    private readonly $httpProvider: angular.IHttpProvider,
  ) {}

  configure(options: AuthOptions): void {
    // eslint-disable-next-line angular/window-service -- config phase: the $window service does not exist yet
    const resolved = resolveOptions(options, window.location.origin);
    this.options = resolved;
    const { flow, providers, jwtOptionsProvider } = this;
    flow.configure(providers, resolved);
    jwtOptionsProvider.config({
      tokenGetter: apiTokenGetter(resolved.apiOrigin),
      // angular-jwt throws for cross-origin requests unless the host is listed; the exact origin
      // check (scheme + host + port) happens in the tokenGetter.
      whiteListedDomains: [new URL(resolved.apiOrigin).hostname],
    });
    this.$httpProvider.interceptors.push(apiUnreachableInterceptor(resolved.apiOrigin, resolved.appOrigin));
  }

  /** The options configure() resolved; the module's services are built from them. */
  resolved(): ResolvedAuthOptions {
    if (!this.options) {
      throw new Error(
        'The auth module is not configured: call authProvider.configure({ domain, clientID, audience, scope, apiOrigin }) in a config block.',
      );
    }
    return this.options;
  }

  /** For an ngRoute route: `resolve: { session: authProvider.requireLogin() }`. */
  requireLogin() {
    return resolveAccess({ requiresLogin: true });
  }

  /** For an ngRoute route: `resolve: { session: authProvider.requireScope('read:messages') }`. */
  requireScope(scope: string) {
    return resolveAccess({ requiresScope: scope });
  }

  /** Run time: AngularJS calls this once to create the `auth` service. */
  $get($injector: angular.auto.IInjectorService): AuthService {
    // Read now, not in configure(): an app may switch html5Mode on in a later config block.
    // AngularJS 1.8 returns its settings object here; @types/angular says boolean.
    const mode = this.$locationProvider.html5Mode() as boolean | { enabled: boolean };
    const html5Mode = typeof mode === 'object' ? mode.enabled : mode;
    return $injector.instantiate(AuthService, { authOptions: this.resolved(), authHtml5Mode: html5Mode });
  }
}
AuthProvider.prototype.$get.$inject = ['$injector'];
