// Every sentence the auth module shows a person, in one place: reword or translate them here.
import type { Auth0Error } from 'auth0-js';

/** What auth0-js reports (a plain object), or an Error thrown on the way, or nothing at all. */
type AuthFailure = Partial<Auth0Error> | Error | null;

/** Errors the user can act on, with the action. Everything else shows the tenant's own words. */
const ERROR_HINTS: Record<string, string> = {
  login_required: 'no session at the tenant (logged out there, expired, or third-party cookies blocked). Log in again.',
  consent_required: 'the user has not consented to the requested scopes. Log in again to consent.',
  interaction_required: 'the tenant needs the user to interact. Log in again.',
  timeout:
    'the tenant did not answer in time (is it running, and is this origin an Allowed Web Origin?). Log in again.',
};

/** One line a person can read. A thrown Error (e.g. a response without tokens) or nothing reads as invalid_hash. */
function describeAuthError(err: AuthFailure): string {
  if (err instanceof Error) return `invalid_hash: ${err.message}`;
  if (!err) return 'invalid_hash: the response carries no tokens.';
  const code = err.error ?? err.code ?? 'error';
  if (code === 'invalid_token' && /state/.test(err.errorDescription ?? '')) {
    return 'invalid_token: the login response does not match a login started in this browser (state mismatch). Log in again.';
  }
  const description =
    ERROR_HINTS[code] ?? err.errorDescription ?? err.error_description ?? err.description ?? 'unknown error';
  return `${code}: ${description}`;
}

export const AUTH_MESSAGES = {
  loginFailed: (err: AuthFailure) => `Login failed. ${describeAuthError(err)}`,
  restoreFailed: (err: AuthFailure) => `Could not restore your session. ${describeAuthError(err)}`,
  renewalFailed: (err: AuthFailure) => `Your session ended: the token could not be renewed. ${describeAuthError(err)}`,
  noTokens: 'The tenant returned no access token or no id_token: responseType must be "token id_token".',
  /** A guarded page, for a visitor who is not logged in. */
  logInToOpen: (page: string) => `Log in to open ${page}.`,
  /** A guarded page, for a user whose token lacks the scope; `granted` lists the API scopes only. */
  missingScope: (page: string, scope: string, granted: string[]) =>
    `${page} needs the scope ${scope}; your token grants ${granted.join(' ') || 'no API scopes'}.`,
};
