// The copyable auth module: depends on angular-auth0 and angular-jwt only, never on the app's
// states or module name. See the README's "Add it to your app".
import angular from 'angular';
import angularAuth0 from 'angular-auth0';
import angularJwt from 'angular-jwt';
import { AuthProvider } from './auth.provider';
import { registerGuard } from './auth.guard';
import type { AuthService } from './auth.service';

export const AUTH_MODULE = 'qs.auth';

angular
  .module(AUTH_MODULE, [angularAuth0, angularJwt])
  .provider('auth', AuthProvider)
  .config([
    '$httpProvider',
    ($httpProvider: angular.IHttpProvider) => {
      $httpProvider.interceptors.push('jwtInterceptor');
    },
  ])
  .run(registerGuard)
  // Start handling the login response / restoring the session as early as possible.
  .run(['auth', (auth: AuthService) => void auth.ready()]);

export type { AuthService } from './auth.service';
export type { AuthProvider } from './auth.provider';
export type { AuthOptions } from './auth.options';
export type { AccessRule } from './auth.guard';
export default AUTH_MODULE;
