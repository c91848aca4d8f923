// The two auth0-js answers the module waits for, as $q promises. angular-auth0 already runs their
// callbacks inside a digest; an answer without a result counts as a failure, as an error does.
import type angular from 'angular';
import type { AngularAuth0 } from 'angular-auth0';
import type { Auth0DecodedHash, CheckSessionOptions } from 'auth0-js';

type Caller = (cb: (err: unknown, result: Auth0DecodedHash | null) => void) => void;

function settle($q: angular.IQService, call: Caller): angular.IPromise<Auth0DecodedHash> {
  return $q((resolve, reject) => call((err, result) => (err || !result ? reject(err) : resolve(result))));
}

/** Checks the login response in `hash`: state, then the id_token (signature, iss, aud, nonce, at_hash). */
export function parseHash($q: angular.IQService, angularAuth0: AngularAuth0, hash: string) {
  return settle($q, (cb) => angularAuth0.parseHash({ hash }, cb));
}

/** Silent authentication in a hidden iframe (prompt=none, web_message), with the options given. */
export function checkSession(
  $q: angular.IQService,
  angularAuth0: AngularAuth0,
  options: CheckSessionOptions & { timeout: number },
) {
  return settle($q, (cb) => angularAuth0.checkSession(options, cb));
}
