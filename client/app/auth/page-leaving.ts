// Whether the page is being left (a reload, a link away). A silent authentication that fails then
// failed because its frame went away with the page (Firefox reports that as a failure), not because
// the tenant said no: it must not clear the login flag, or the page that loads next would not even
// try to restore the session.
import type angular from 'angular';

/** Starts watching `$window`; the returned function says whether the page is being left now. */
export function watchPageLeaving($window: angular.IWindowService): () => boolean {
  let leaving = false;
  $window.addEventListener('pagehide', () => (leaving = true));
  $window.addEventListener('pageshow', () => (leaving = false)); // back from the back-forward cache
  return () => leaving;
}
