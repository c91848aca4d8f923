// `npm run doctor`'s same-site check: with the tenant on another site than the app, its session
// cookie is a third-party cookie in checkSession's hidden iframe, and browsers that block those
// (Safari, Brave, Chrome with them blocked; Firefox with all of them blocked, or once its 30-day
// storage-access grant from the last login on the tenant's page has expired) log the user out at reload.
// A warning, not a failure: logging in still works. "Site" as the app itself decides it.
import type { AppConfig } from '../../config/load-config';
import { isSameSite } from '../../client/app/auth/site';

/** The doctor's line for this check: ok, or a warning and its fix. */
export function checkSameSite(config: Pick<AppConfig, 'appOrigin' | 'domain' | 'authFlow' | 'authCache'>): string {
  const app = new URL(config.appOrigin).host;
  const tenant = new URL(config.domain).host;
  if (isSameSite(config.appOrigin, config.domain)) {
    return `ok   same site: the tenant (${tenant}) and the app (${app}) are one site, so the session cookie that restores a session on reload is first-party.`;
  }
  if (config.authFlow === 'code' && config.authCache === 'localstorage') {
    return `ok   same site: the tenant (${tenant}) is on another site than the app (${app}), and the code flow with AUTH_CACHE=localstorage restores a session on reload with its refresh token, not the tenant's cookie (a token for another API still needs that cookie, or a login).`;
  }
  return (
    `warn same site: the tenant (${tenant}) is on another site than the app (${app}): its session cookie is a third-party cookie in the hidden iframe that restores the session on reload (checkSession), and browsers that block third-party cookies (Safari, Brave, Chrome with them blocked; Firefox when it blocks all of them, or 30 days after the user's last login on the tenant's page) answer login_required, so every reload logs the user out.\n` +
    "     fix: give the tenant a custom domain on the app's site (e.g. login.example.com for app.example.com) and set AUTH0_DOMAIN to it; until then, users log in again after each reload."
  );
}
