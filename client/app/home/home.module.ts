import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
import template from './home.html';

class HomeController {
  static $inject = ['auth', 'devTenant'];
  /** `devTenant`: true when the app logs in with the embedded dev tenant, whose demo users only it has. */
  constructor(
    readonly auth: AuthService,
    readonly devTenant: boolean,
  ) {}
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('home', { url: '/', component: 'homePage' });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.home', [])
  .component('homePage', { template, controller: HomeController })
  .config(routes).name;
