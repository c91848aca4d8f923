import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
import template from './home.html';

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
  .component('homePage', { template, controller: HomeController })
  .config(routes).name;
