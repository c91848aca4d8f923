// The auth module's configuration, given once through `authProvider.configure({...})`.

export interface AuthOptions {
  /** Tenant: a host (`my-tenant.us.auth0.com`) or an origin (`http://localhost:3002` for a local tenant). */
  domain: string;
  /** The SPA's Client ID. */
  clientID: string;
  /** The API identifier. Without it Auth0 returns an opaque access token the API cannot verify. */
  audience: string;
  /** Scopes to request, e.g. 'openid profile email read:messages'. */
  scope: string;
  /** Origin of the API (scheme + host + port): the ONLY origin the access token is sent to. */
  apiOrigin: string;
  /** Where the tenant redirects after login. Default: this origin + '/callback'. */
  redirectUri?: string;
  /** Where the tenant redirects after logout (an Allowed Logout URL). Default: this origin. */
  logoutReturnTo?: string;
  /** auth0-js overrides. A local http tenant's issuer (`__token_issuer`) defaults to its origin + '/'. */
  overrides?: { __token_issuer?: string; __jwks_uri?: string };
  /** Give up on silent authentication after this long (ms). Default 10000. */
  silentAuthTimeoutMs?: number;
  /** Renew this many seconds before the access token expires. Default 60. */
  renewBeforeSeconds?: number;
  /** localStorage key of the "was logged in" flag (the only thing this module stores). */
  flagKey?: string;
  /** Path that guards send a user to when a page is not allowed. Default '/'. */
  deniedPath?: string;
  /**
   * The code flow only: where auth0-spa-js keeps the tokens. `memory` (default): nothing in storage,
   * a reload needs the tenant's session; `localstorage`: a reload keeps the session, and a script
   * injected into the page can read the refresh token.
   */
  cacheLocation?: 'memory' | 'localstorage';
  /**
   * The code flow with `memory` only: the URL, on this app's origin, of auth0-spa-js's worker file
   * (dist/auth0-spa-js.worker.production.js), so the Content-Security-Policy allows it from 'self'
   * rather than blob:. Omitted: auth0-spa-js starts its worker from a blob: URL.
   */
  workerUrl?: string;
}

export type ResolvedAuthOptions = Required<Omit<AuthOptions, 'overrides' | 'workerUrl'>> & {
  overrides?: AuthOptions['overrides'];
  workerUrl?: string;
  /** The exact `iss` the tokens must carry, e.g. `https://my-tenant.us.auth0.com/`. */
  issuer: string;
  /** The tenant's origin, e.g. `https://my-tenant.us.auth0.com`, and the app's: explanations compare their sites. */
  tenantOrigin: string;
  appOrigin: string;
};

/** What this app's access tokens must carry, as configured: for pages that explain a 401. */
export interface TokenExpectations {
  /** The exact `iss`, e.g. `https://my-tenant.us.auth0.com/` (trailing slash included). */
  issuer: string;
  audience: string;
  /** The scope string the app requests at login. */
  requestedScope: string;
}

/** What the module's services are built from: `authProvider`, once configure() has run. */
export interface ResolvedOptionsSource {
  resolved(): ResolvedAuthOptions;
}

/** A local tenant named without its scheme: auth0-js would prefix https:// and the browser fail on TLS. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/i;

export function resolveOptions(options: AuthOptions, origin: string): ResolvedAuthOptions {
  for (const key of ['domain', 'clientID', 'audience', 'scope', 'apiOrigin'] as const) {
    if (!options[key]) throw new Error(`authProvider.configure: "${key}" is required.`);
  }
  if (LOOPBACK_HOST.test(options.domain)) {
    const host = options.domain.replace(/\/$/, '');
    throw new Error(
      `authProvider.configure: domain "${options.domain}" has no scheme, so auth0-js would use https:// (ERR_SSL_PROTOCOL_ERROR). For a local tenant write domain: 'http://${host}'.`,
    );
  }
  // auth0-js wants an Auth0 tenant as a bare host: it derives the expected issuer (https://DOMAIN/)
  // and the tenant name from it, so 'https://t.auth0.com' would make every login fail on `iss`.
  // Only a local http tenant is given as an origin, together with overrides.__token_issuer.
  const domain = options.domain.replace(/^https:\/\//i, '').replace(/\/$/, '');
  const localTenant = /^http:\/\//i.test(domain);
  const tenantOrigin = localTenant ? domain : `https://${domain}`;
  // Without it auth0-js would expect the issuer https://http://..., and every login would fail.
  const overrides =
    localTenant && !options.overrides?.__token_issuer
      ? { ...options.overrides, __token_issuer: `${tenantOrigin}/` }
      : options.overrides;
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return {
    redirectUri: `${origin}/callback`,
    logoutReturnTo: origin,
    silentAuthTimeoutMs: 10000,
    renewBeforeSeconds: 60,
    flagKey: 'auth.wasLoggedIn',
    deniedPath: '/',
    cacheLocation: 'memory',
    ...(given as AuthOptions),
    domain,
    ...(overrides ? { overrides } : {}),
    apiOrigin: new URL(options.apiOrigin).origin,
    // auth0-js checks the id_token's iss against https://DOMAIN/ unless overridden; mirror that.
    issuer: overrides?.__token_issuer ?? `${tenantOrigin}/`,
    tenantOrigin,
    appOrigin: origin,
  };
}
