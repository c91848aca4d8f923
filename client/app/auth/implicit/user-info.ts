// The tenant's /userinfo answer through auth0-js, as a $q promise.
import type angular from 'angular';
import type { AngularAuth0 } from 'angular-auth0';
import type { Auth0Error } from 'auth0-js';
import type { UserProfile } from '../auth-flow';

/** Rejects with auth0-js's error (code, description, statusCode) for the module to explain. */
export function fetchUserInfo(
  angularAuth0: AngularAuth0,
  $q: angular.IQService,
  $rootScope: angular.IRootScopeService,
  token: string,
): angular.IPromise<UserProfile> {
  return $q((resolve, reject) => {
    // angular-auth0 does not run callbacks of `client.*` inside a digest: bring the answer back in.
    angularAuth0.client.userInfo(token, (err: Auth0Error | null, user) =>
      $rootScope.$evalAsync(() => (err ? reject(err) : resolve(user as unknown as UserProfile))),
    );
  });
}
