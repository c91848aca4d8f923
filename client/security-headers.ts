// The headers the app's pages must be served with, computed once from the app's configuration:
// webpack.config.js sends them from the dev server and bakes the policy into the production
// build's index.html; dev/serve-dist.ts sends them for a built dist/. Plain functions of strings,
// so that the build (Node) and the specs (Karma) share them.

/** No site may frame the app (clickjacking): header only, browsers ignore it in a `<meta>` policy. */
const FRAME_ANCESTORS = "frame-ancestors 'none'";

export interface PolicySources {
  /** The tenant: a host (`my-tenant.us.auth0.com`, https is meant) or an origin (`http://localhost:3002`). */
  domain: string;
  /** The API's origin: the app calls it with the access token. */
  apiOrigin: string;
  /** Development only: the dev server's live-reload websocket, e.g. `ws://localhost:3000`. */
  liveReload?: string;
  /** The code flow in memory: auth0-spa-js's worker, served by the app (`'self'`, never `blob:`). */
  workerUrl?: string;
}

/** The tenant's origin, from `domain` as the configuration gives it (a bare host means https). */
export function tenantOrigin(domain: string): string {
  return new URL(/^https?:\/\//i.test(domain) ? domain : `https://${domain}`).origin;
}

/**
 * The Content-Security-Policy: exactly what the app needs, and nothing inline or evaluated
 * (AngularJS runs in its CSP mode, `ng-csp` in index.html). `forMeta` leaves out what a
 * `<meta http-equiv>` policy cannot carry (browsers ignore `frame-ancestors` there, with a warning).
 */
export function contentSecurityPolicy(sources: PolicySources, { forMeta = false } = {}): string {
  const tenant = tenantOrigin(sources.domain);
  const api = new URL(sources.apiOrigin).origin;
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'"], // the bundle; no inline script, no eval (devtool included)
    ['style-src', "'self'"], // the extracted stylesheet, angular-csp.css included
    ['img-src', "'self'", 'data:', 'https:'], // avatars from the identity providers; the data: favicon
    // the SDK calls the tenant (JWKS, /userinfo, the code flow's /oauth/token); the app calls the API;
    // 'self' for same-origin requests (templateUrl); the dev server's live reload in development.
    ['connect-src', "'self'", tenant, api, ...(sources.liveReload ? [sources.liveReload] : [])],
    ['frame-src', tenant], // the hidden iframe of silent authentication (checkSession, getTokenSilently)
    ...(sources.workerUrl ? [['worker-src', "'self'"] as [string, string]] : []), // the code flow's token worker
    ['base-uri', "'self'"], // index.html's <base href="/">
    ['form-action', "'none'"], // the app posts no form; login and logout are redirects
  ];
  const policy = directives.map((directive) => directive.join(' ')).join('; ');
  return forMeta ? policy : headerPolicy(policy);
}

/**
 * The header form of a policy baked into a build's `<meta>`: the same sources, plus what only a
 * header can carry. dev/serve-dist.ts serves a build with it, so the two can never disagree.
 */
export function headerPolicy(metaPolicy: string): string {
  return `${metaPolicy}; ${FRAME_ANCESTORS}`;
}

/** Every response of the app (pages and files): the policy above and the headers around it. */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Frame-Options': 'DENY', // frame-ancestors for browsers that predate it
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
