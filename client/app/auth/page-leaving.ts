// Whether the page is being left (a reload, a link away). A silent authentication that fails then
// failed because the page went away under it, not because the tenant said no: Firefox aborts the
// page's requests as soon as the navigation starts, before `pagehide`, so the id_token's JWKS fetch
// fails with a NetworkError. Such a failure must not clear the login flag, or the page that loads
// next would not even try to restore the session. `beforeunload` comes before that abort; an app
// that cancels the navigation in its own `beforeunload` handler leaves this true, which only means
// that a later failure keeps the flag and the next page load tries once more.
import type angular from 'angular';

/** Starts watching `$window`; the returned function says whether the page is being left now. */
export function watchPageLeaving($window: angular.IWindowService): () => boolean {
  let leaving = false;
  $window.addEventListener('beforeunload', () => (leaving = true));
  $window.addEventListener('pagehide', () => (leaving = true));
  $window.addEventListener('pageshow', () => (leaving = false)); // back from the back-forward cache
  return () => leaving;
}
