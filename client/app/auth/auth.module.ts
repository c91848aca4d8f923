// The copyable auth module: depends on angular-jwt and the selected flow's SDK only, never on the
// app's states or module name. See docs/add-to-your-app.md.
import angular from 'angular';
import angularJwt from 'angular-jwt';
import type { FlowDefinition } from './auth-flow';
import { AuthProvider } from './auth.provider';
import { AudienceTokens } from './audience-tokens';
import { registerGuard } from './auth.guard';
import type { AuthService } from './auth.service';
import { providerFromOptions } from './options-provider';
import { takeLoginResponse } from './login-url';
import { selectedFlow } from './selected-flow';

// When the script runs: before AngularJS bootstraps, before any router reads the URL.
// eslint-disable-next-line angular/window-service -- no injector, so no $window, exists yet
takeLoginResponse(window.location, window.history, selectedFlow.responseIn);

function addJwtInterceptor($httpProvider: angular.IHttpProvider): void {
  $httpProvider.interceptors.push('jwtInterceptor');
}
addJwtInterceptor.$inject = ['$httpProvider'];

/** Handles the login response, or restores the session, as early as possible. */
function start(auth: AuthService): void {
  void auth.ready();
}
start.$inject = ['auth'];

/** The module over `flow`, registered as `name`: the app's is the selected flow's `qs.auth`. */
export function authModuleWith(flow: FlowDefinition, name: string): string {
  return angular
    .module(name, [angularJwt, ...flow.requires])
    .constant('authFlowDefinition', flow)
    .provider('auth', AuthProvider)
    .provider('authFlow', providerFromOptions(flow.service))
    .provider('audienceTokens', providerFromOptions(AudienceTokens))
    .config(addJwtInterceptor)
    .run(registerGuard)
    .run(start).name;
}

export default authModuleWith(selectedFlow, 'qs.auth');

export type { AuthService, Denial } from './auth.service';
export type { AuthProvider } from './auth.provider';
export type { AudienceTokens, AudienceRequest, AudienceTokenError } from './audience-tokens';
export type { AuthOptions, TokenExpectations } from './auth.options';
export type { AccessRule } from './auth.guard';
export type { UserInfoError } from './auth.messages';
export type { AuthFlow, FlowResult, UserProfile } from './auth-flow';
