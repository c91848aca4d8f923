// The copyable auth module: depends on angular-auth0 and angular-jwt only, never on the app's
// states or module name. See docs/add-to-your-app.md.
import angular from 'angular';
import angularAuth0 from 'angular-auth0';
import angularJwt from 'angular-jwt';
import { AuthProvider } from './auth.provider';
import { AudienceTokensProvider } from './audience-tokens';
import { registerGuard } from './auth.guard';
import type { AuthService } from './auth.service';
import { takeLoginFragment } from './login-fragment';

// When the script runs: before AngularJS bootstraps, before any router reads the URL.
// eslint-disable-next-line angular/window-service -- no injector, so no $window, exists yet
takeLoginFragment(window.location, window.history);

function addJwtInterceptor($httpProvider: angular.IHttpProvider): void {
  $httpProvider.interceptors.push('jwtInterceptor');
}
addJwtInterceptor.$inject = ['$httpProvider'];

/** Handles the login response, or restores the session, as early as possible. */
function start(auth: AuthService): void {
  void auth.ready();
}
start.$inject = ['auth'];

export default angular
  .module('qs.auth', [angularAuth0, angularJwt])
  .provider('auth', AuthProvider)
  .provider('audienceTokens', AudienceTokensProvider)
  .config(addJwtInterceptor)
  .run(registerGuard)
  .run(start).name;

export type { AuthService, Denial } from './auth.service';
export type { AuthProvider } from './auth.provider';
export type { AudienceTokens, AudienceRequest, AudienceTokenError } from './audience-tokens';
export type { AuthOptions, TokenExpectations } from './auth.options';
export type { AccessRule } from './auth.guard';
export type { UserInfoError } from './auth.messages';
