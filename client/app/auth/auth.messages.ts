// Every sentence the auth module shows a person, in one place: reword or translate them here (the
// code flow's own, which the implicit build does not carry, are in code/code-messages.ts).
import type { FlowError } from './auth-flow';
import { isSameSite } from './site';

/** What the flow's SDK reports (a plain object), or an Error thrown on the way, or nothing at all. */
type AuthFailure = FlowError | Error | null;

/** Where the app and its tenant are (origins): what some failures depend on. */
export interface AuthPlaces {
  appOrigin: string;
  tenantOrigin: string;
}

/** Errors the user can act on, with the action. Everything else shows the tenant's own words. */
const ERROR_HINTS: Record<string, string> = {
  login_required: 'no session at the tenant (logged out there, expired, or third-party cookies blocked). Log in again.',
  consent_required: 'the user has not consented to the requested scopes. Log in again to consent.',
  interaction_required: 'the tenant needs the user to interact. Log in again.',
  timeout:
    'the tenant did not answer in time (is it running, and is this origin an Allowed Web Origin?). Log in again.',
};

const host = (origin: string) => new URL(origin).host;

/** One line a person can read. A thrown Error (e.g. a response without tokens) or nothing reads as invalid_hash. */
function describeAuthError(err: AuthFailure): string {
  if (err instanceof Error) return `invalid_hash: ${err.message}`;
  if (!err) return 'invalid_hash: the response carries no tokens.';
  const code = err.error ?? err.code ?? 'error';
  const said = err.errorDescription ?? err.error_description ?? err.description;
  if (code === 'invalid_token' && /state/.test(err.errorDescription ?? '')) {
    return 'invalid_token: the login response does not match a login started in this browser (state mismatch). Log in again.';
  }
  if (code === 'invalid_token' && /"HS256"/.test(said ?? '')) {
    return "invalid_token: the id_token is signed with HS256, which a browser cannot verify; no session was started. If your tenant issued it, set the application's JSON Web Token Signature Algorithm to RS256 (Advanced Settings > OAuth).";
  }
  const unknownApi = code === 'access_denied' ? /^Service not found: (.+)$/.exec(said ?? '') : null;
  if (unknownApi) {
    return `access_denied: the tenant has no API with the identifier "${unknownApi[1]}". The audience the app requests (AUTH0_AUDIENCE in this sample) must equal the API's Identifier exactly, and that API must exist in this tenant (Auth0 dashboard > Applications > APIs).`;
  }
  return `${code}: ${ERROR_HINTS[code] ?? said ?? 'unknown error'}`;
}

/**
 * A silent authentication (checkSession's hidden iframe) that found no session. With the tenant on
 * another site than the app, its session cookie is a third-party cookie in that iframe: the likely
 * cause, which the app cannot observe, hence the wording.
 */
function describeSilentAuthError(err: AuthFailure, places: AuthPlaces): string {
  const code = err && !(err instanceof Error) ? (err.error ?? err.code) : undefined;
  if (code !== 'login_required' || isSameSite(places.appOrigin, places.tenantOrigin)) return describeAuthError(err);
  return `login_required: the tenant (${host(places.tenantOrigin)}) is on another site than this app (${host(places.appOrigin)}), so its session cookie is a third-party cookie in the hidden frame that restores and renews your session, and this browser most likely blocks third-party cookies: Safari, Brave and Chrome with third-party cookies blocked always do; Firefox does when it blocks all third-party cookies, and otherwise 30 days after your last login on the tenant's page. Fix: serve the tenant from a custom domain on the app's site (e.g. login.example.com for app.example.com); until then, log in again after each reload and each token expiry.`;
}

/** Why /userinfo failed and what to change, from auth0-js's error (`code`, `description`, `statusCode`, `original`). */
function describeUserInfoError(err: FlowError, places: AuthPlaces): string {
  const code = err.error ?? err.code;
  const said = (err.errorDescription ?? err.error_description ?? err.description)?.replace(/\.$/, '');
  if (code === 'login_required') return 'login_required: not logged in.';
  if (!err.statusCode) {
    // No HTTP answer the page may read: superagent's "Request has been terminated" (a CORS refusal or no network).
    return `the browser could not read the tenant's answer (a network or CORS failure). Most likely this app's origin (${places.appOrigin}) is not an Allowed Web Origin of the application (Auth0 dashboard > Applications > your SPA > Settings); otherwise ${host(places.tenantOrigin)} cannot be reached from this browser.`;
  }
  const status = `${err.statusCode}${code ? ` ${code}` : ''}${said ? `: ${said}` : ''}`;
  if (err.statusCode === 401) {
    return `${status}. The access token is not valid for /userinfo: it must come from this tenant, must not have expired, and the login must ask for the openid scope (the token's aud then includes ${places.tenantOrigin}/userinfo).`;
  }
  if (err.statusCode === 429) {
    return `${status}. The tenant limits /userinfo calls per user: read the profile from the id_token's claims (auth.getClaims()) rather than calling /userinfo on every page.`;
  }
  return `${status}.`;
}

export const AUTH_MESSAGES = {
  loginFailed: (err: AuthFailure) => `Login failed. ${describeAuthError(err)}`,
  restoreFailed: (err: AuthFailure, places: AuthPlaces) =>
    `Could not restore your session. ${describeSilentAuthError(err, places)}`,
  renewalFailed: (err: AuthFailure, places: AuthPlaces) =>
    `Your session ended: the token could not be renewed. ${describeSilentAuthError(err, places)}`,
  /** No token for another API (audienceTokens.get): why, in one line. */
  audienceTokenFailed: (audience: string, err: AuthFailure) =>
    `No access token for ${audience}. ${describeAuthError(err)}`,
  noTokens: 'The tenant returned no access token or no id_token: ask for an audience and openid.',
  /** A request to the API that got no HTTP status at all ($http's -1): the API is down, or CORS hid its answer. */
  apiUnreachable: (apiOrigin: string, appOrigin: string) =>
    `No answer from the API at ${apiOrigin}: it is down, or its CORS policy does not allow ${appOrigin} (the browser then hides the answer). Start it, and add ${appOrigin} to its CORS_ORIGINS.`,
  /** The login response would go where this app cannot read it: checked at start-up, and login() refuses. */
  redirectElsewhere: (redirectUri: string, appOrigin: string) =>
    `Login cannot work: redirectUri ${redirectUri} is not on this app's origin (${appOrigin}). Set redirectUri in authProvider.configure() to a page of ${appOrigin}, and add it to the Allowed Callback URLs.`,
  redirectNotServed: (redirectUri: string, page: string) =>
    `Login cannot work: redirectUri ${redirectUri} is not this page, and a hashbang (#!) app is served from ${page} only. Set redirectUri: '${page}' in authProvider.configure(), and add it to the Allowed Callback URLs.`,
  /** A guarded page, for a visitor who is not logged in. */
  logInToOpen: (page: string) => `Log in to open ${page}.`,
  /** A guarded page, for a user whose token lacks the scope; `granted` lists the API scopes only. */
  missingScope: (page: string, scope: string, granted: string[]) =>
    `${page} needs the scope ${scope}; your token grants ${granted.join(' ') || 'no API scopes'}.`,
};

/** What `auth.userInfo()` rejects with: the SDK's error, plus `message`, one line with the cause and the fix. */
export type UserInfoError = FlowError & { message: string };

export function userInfoError(err: FlowError, places: AuthPlaces): UserInfoError {
  return { ...err, message: `Could not read your profile from /userinfo: ${describeUserInfoError(err, places)}` };
}
