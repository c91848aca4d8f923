// The login response comes back in the URL: in the fragment for the implicit flow
// (#access_token=...&id_token=...&state=...), in the query for the code flow (?code=...&state=...).
// The module takes it out of the URL when its script runs, before AngularJS starts and before any
// router reads the URL: a hashbang (#!) router would otherwise rewrite the fragment into a route and
// auth0-js would find no access_token in it. It also takes the tokens, or the code, out of the
// address bar and the history at once.
import type { ResponsePlace } from './auth-flow';

/** A login response (`#...` or `?...`) and the path of the page it arrived at. */
export interface LoginResponse {
  path: string;
  response: string;
}

let taken: LoginResponse | null = null;

/** This page load's login response, once: the one taken at load, else one still in the URL. */
export function loginResponse(location: Location, place: ResponsePlace): LoginResponse | null {
  const response = location[place.part];
  const found = taken ?? (place.pattern.test(response) ? { path: location.pathname, response } : null);
  taken = null;
  return found;
}

/** Called once, when the module loads: keeps a login response and removes it from the URL (the other part stays). */
export function takeLoginResponse(location: Location, history: History, place: ResponsePlace): void {
  taken = loginResponse(location, place);
  const rest = place.part === 'hash' ? location.search : location.hash;
  if (taken) history.replaceState(history.state, '', location.pathname + rest);
}

/** `/`, `/index.html` and `/index.htm` are one page, as static servers answer them. */
export function samePage(a: string, b: string): boolean {
  const page = (path: string) => path.replace(/\/index\.html?$/, '/').replace(/\/$/, '');
  return page(a) === page(b);
}
