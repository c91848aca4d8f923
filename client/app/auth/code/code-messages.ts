// The code flow's own sentences, apart from auth.messages.ts so that the implicit build does not
// carry them: they replace the tenant's description of an error the module then shows as usual.

/** Auth0 says the same for every cause of a refused refresh token, so the sentence lists them. */
export const REFRESH_TOKEN_REFUSED =
  'the tenant refused the refresh token ("Unknown or invalid refresh token."): it was revoked, because a copy of it was used after it had been replaced (reuse detection revokes them all) or at logout, or it expired. Log in again.';

/** A refresh token is for the API its login asked for: another API's token needs the user. */
export const NO_REFRESH_TOKEN_FOR_API =
  "no refresh token in this browser serves this API (a refresh token is for the API its login asked for). Log in for it: the tenant's page, then back here.";

export const NO_ANSWER =
  "no answer from the tenant (a network failure, or CORS: this app's origin must be an Allowed Web Origin of the application)";

export const badCacheLocation = (value: unknown) =>
  `authProvider.configure: cacheLocation must be 'memory' or 'localstorage' (got "${String(value)}").`;
