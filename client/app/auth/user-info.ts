// The tenant's /userinfo answer through auth0-js, as a $q promise.
import type angular from 'angular';
import type { AngularAuth0 } from 'angular-auth0';
import type { Auth0Error, Auth0UserProfile } from 'auth0-js';
import { userInfoError, type AuthPlaces } from './auth.messages';

/** Rejects with auth0-js's error plus `message`, the cause and the fix (a UserInfoError). */
export function fetchUserInfo(
  angularAuth0: AngularAuth0,
  $q: angular.IQService,
  $rootScope: angular.IRootScopeService,
  token: string | null,
  places: AuthPlaces,
): angular.IPromise<Auth0UserProfile> {
  return $q((resolve, reject) => {
    const fail = (err: Partial<Auth0Error>) => reject(userInfoError(err, places));
    if (!token) return fail({ error: 'login_required', errorDescription: 'not logged in' });
    // angular-auth0 does not run callbacks of `client.*` inside a digest: bring the answer back in.
    angularAuth0.client.userInfo(token, (err, user) => $rootScope.$evalAsync(() => (err ? fail(err) : resolve(user))));
  });
}
