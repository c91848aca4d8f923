import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
// Fetched at run time through $http like any templateUrl: a same-origin request that must never
// carry the access token (see auth.interceptor.ts). The other templates are inlined.
import templateUrl from './home.html?url';

class HomeController {
  static $inject = ['auth'];
  constructor(readonly auth: AuthService) {}
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('home', { url: '/', component: 'homePage' });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.home', [])
  .component('homePage', { templateUrl, controller: HomeController })
  .config(routes).name;
