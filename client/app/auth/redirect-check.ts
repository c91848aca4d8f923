// Setups where the login response could never reach the app, found before the user is sent to the
// tenant (otherwise they come back to a 404 or another site, and nothing says why).
import { AUTH_MESSAGES } from './auth.messages';
import { samePage } from './login-url';

/** Why a login started from `page` cannot come back with redirectUri, with the setting to change; null when it can. */
export function redirectProblem(redirectUri: string, html5Mode: boolean, page: { origin: string; pathname: string }) {
  const target = new URL(redirectUri);
  if (target.origin !== page.origin) return AUTH_MESSAGES.redirectElsewhere(redirectUri, page.origin);
  // A hashbang app is one document: any other path is one its static server may not serve.
  if (!html5Mode && !samePage(target.pathname, page.pathname)) {
    return AUTH_MESSAGES.redirectNotServed(redirectUri, page.origin + page.pathname);
  }
  return null;
}
