// The element ids of the tenant's pages that code outside the pages relies on: dev/tenant-client/log-in.ts
// reads the error ones to report why a login failed, and browser tests fill in the login form by
// id. The pages write them from here, so the two sides cannot drift apart; the values themselves
// are published (tests outside this repository select `#username`), so keep them as they are.
export const PAGE_IDS = {
  /** The login form's email field. */
  username: 'username',
  password: 'password',
  loginSubmit: 'login-submit',
  /** The login page's message after wrong credentials or for a blocked account; its `data-error` attribute holds the code (`access_denied`, `too_many_attempts`). */
  loginError: 'login-error',
  /** The error page's OAuth error code (e.g. `invalid_request`) and its sentence. */
  errorCode: 'error-code',
  errorDescription: 'error-description',
} as const;
