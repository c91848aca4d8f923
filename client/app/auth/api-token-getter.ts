import type { AuthService } from './auth.service';

/**
 * True when `url` (absolute or relative to the page) is on exactly `apiOrigin`: same scheme, host
 * and port. angular-jwt's own whitelist compares host names only, so `localhost` would also match
 * the tenant and every other local port; this is the check that decides.
 */
export function isApiRequest(url: string, apiOrigin: string, base: string = window.location.href): boolean {
  try {
    return new URL(url, base).origin === new URL(apiOrigin).origin;
  } catch {
    return false;
  }
}

/**
 * angular-jwt's `tokenGetter`: called for every $http request, templates included. Returns the
 * access token (never the id_token) for API requests only. angular-jwt injects `options`, the
 * request config (null when called by its authManager).
 */
export const apiTokenGetter = [
  'options',
  'auth',
  (options: { url?: string } | null, auth: AuthService): string | null =>
    options?.url && isApiRequest(options.url, auth.options.apiOrigin) ? auth.getAccessToken() : null,
];
