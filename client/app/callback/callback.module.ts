import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
import template from './callback.html';

/**
 * The redirect URI's page. The auth module handles the login response at start-up (before the
 * router) and then leaves this page; this only covers a visit without a response.
 */
class CallbackController {
  static $inject = ['auth', '$location'];
  constructor(
    private readonly auth: AuthService,
    private readonly $location: angular.ILocationService,
  ) {}

  $onInit(): void {
    void this.auth.ready().then(() => {
      if (this.$location.path() === '/callback') this.$location.url('/').replace();
    });
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('callback', { url: '/callback', component: 'callbackPage' });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.callback', [])
  .component('callbackPage', { template, controller: CallbackController })
  .config(routes).name;
