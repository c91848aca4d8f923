// The only thing the auth module stores: whether the user was logged in, so that the next page load
// tries a silent restore. Never a token. With storage disabled the session still works, it just
// does not survive a reload.
import type angular from 'angular';

export function readLoginFlag($window: angular.IWindowService, key: string): boolean {
  try {
    return $window.localStorage.getItem(key) === 'true';
  } catch {
    return false;
  }
}

export function writeLoginFlag($window: angular.IWindowService, key: string, loggedIn: boolean): void {
  try {
    if (loggedIn) $window.localStorage.setItem(key, 'true');
    else $window.localStorage.removeItem(key);
  } catch {
    // storage disabled: see above
  }
}
