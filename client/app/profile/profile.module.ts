import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService, UserInfoError } from '../auth/auth.module';
import template from './profile.html';

/** The id_token's claims (verified by auth0-js) next to the tenant's /userinfo answer. */
class ProfileController {
  static $inject = ['auth'];
  userInfo: unknown = null;
  userInfoError: string | null = null;
  /** Computed once: a getter returning new arrays would make ng-repeat's watch loop forever. */
  claims: [string, string][] = [];

  constructor(readonly auth: AuthService) {}

  $onInit(): void {
    this.claims = Object.entries(this.auth.getClaims() ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]);
    this.auth.userInfo().then(
      (user) => (this.userInfo = user),
      (err: UserInfoError) => (this.userInfoError = err.message),
    );
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('profile', { url: '/profile', component: 'profilePage', data: { requiresLogin: true } });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.profile', [])
  .component('profilePage', { template, controller: ProfileController })
  .config(routes).name;
