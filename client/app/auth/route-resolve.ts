import type angular from 'angular';
import { accessDenial, type AccessRule } from './auth.guard';
import type { AuthService } from './auth.service';

/**
 * The ngRoute form of the guard, for a route's `resolve` (made by `authProvider.requireLogin()` and
 * `authProvider.requireScope(scope)`). Waits for the start-up login or restore, then allows the route
 * (resolving to the `auth` service) or refuses it as the ui-router guard does: the visitor goes to
 * `deniedPath` with the reason in `auth.error`, and after logging in comes back to the refused page.
 */
export function resolveAccess(rule: AccessRule) {
  function check(auth: AuthService, $location: angular.ILocationService, $q: angular.IQService) {
    return auth.ready().then(() => {
      const denial = accessDenial(auth, rule, $location.path());
      if (!denial) return auth;
      // During resolve, $location already holds the refused route's URL.
      $location.url(auth.deny($location.url(), denial)).replace();
      return $q.reject(denial);
    });
  }
  return ['auth', '$location', '$q', check];
}
