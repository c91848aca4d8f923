// The login response comes back in the URL's fragment (#access_token=...&id_token=...&state=...).
// The module takes it out of the URL when its script runs, before AngularJS starts and before any
// router reads the URL: a hashbang (#!) router would otherwise rewrite the fragment into a route and
// auth0-js would find no access_token in it. It also takes the tokens out of the address bar at once.
import { isLoginResponse } from './login-response';

/** A login response and the path of the page it arrived at. */
export interface LoginFragment {
  path: string;
  hash: string;
}

let taken: LoginFragment | null = null;

/** Called once, when the module loads: keeps a login response and removes it from the URL. */
export function takeLoginFragment(location: Location, history: History): void {
  if (!isLoginResponse(location.hash)) return;
  taken = { path: location.pathname, hash: location.hash };
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** This page load's login response, once: the one taken at load, else one still in the URL. */
export function loginFragment(location: Location): LoginFragment | null {
  const fragment = taken ?? (isLoginResponse(location.hash) ? { path: location.pathname, hash: location.hash } : null);
  taken = null;
  return fragment;
}

/** `/`, `/index.html` and `/index.htm` are one page, as static servers answer them. */
export function samePage(a: string, b: string): boolean {
  const page = (path: string) => path.replace(/\/index\.html?$/, '/').replace(/\/$/, '');
  return page(a) === page(b);
}
