import type angular from 'angular';

/**
 * True when `url` (absolute or relative to `base`, the page) is on exactly `apiOrigin`: same scheme,
 * host and port. angular-jwt's own whitelist compares host names only, so `localhost` would also
 * match the tenant and every other local port; this is the check that decides.
 */
export function isApiRequest(url: string, apiOrigin: string, base: string): boolean {
  try {
    return new URL(url, base).origin === new URL(apiOrigin).origin;
  } catch {
    return false;
  }
}

/** The `auth` service, as far as this file needs it (importing its class would make an import cycle). */
interface TokenSource {
  getAccessToken(): string | null;
  ready(): angular.IPromise<void>;
}

/**
 * angular-jwt's `tokenGetter`, called for every $http request (templates included) with `options`,
 * the request config: the access token (never the id_token) for requests to `apiOrigin`, else null.
 * For the API it answers once the start-up login or restore has settled (angular-jwt waits for a
 * promise): a call made during the restore would otherwise go without a token and come back 401.
 * Written as an array because angular-jwt's authManager injects a tokenGetter only in that form.
 */
export function apiTokenGetter(apiOrigin: string) {
  return [
    'options',
    'auth',
    '$window',
    (
      options: { url?: string } | null,
      auth: TokenSource,
      $window: angular.IWindowService,
    ): angular.IPromise<string | null> | null =>
      options?.url && isApiRequest(options.url, apiOrigin, $window.location.href)
        ? auth.ready().then(() => auth.getAccessToken())
        : null,
  ];
}
