import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
import { splitScope } from '../auth/jwt';
import commonApiModule from '../common/api/api.module';
import { API_ROUTES, type ApiRoute, type ApiService } from '../common/api/api.service';
import type { ApiResult } from '../common/api/api-result';
import { fitToVisitor } from '../common/api/visitor-hint';
import template from './api.html';

class ApiPageController {
  static $inject = ['api', 'auth'];
  /** One button per route; the ids are the ones browser tests click. */
  readonly buttons = [
    { id: 'callPublic', route: API_ROUTES.public, label: 'Public' },
    { id: 'callPrivate', route: API_ROUTES.private, label: 'Private (any valid token)' },
    { id: 'callPrivateScoped', route: API_ROUTES.privateScoped, label: 'Scoped (read:messages)' },
    { id: 'callAdmin', route: API_ROUTES.admin, label: 'Admin (write:messages)' },
    { id: 'callUsers', route: API_ROUTES.users, label: 'Users, through the API (manage:users)' },
  ];
  result: ApiResult | null = null;
  pending: string | null = null;

  constructor(
    private readonly api: ApiService,
    private readonly auth: AuthService,
  ) {}

  call(route: ApiRoute): void {
    this.pending = route.path;
    this.result = null;
    void this.api.call(route).then((result) => {
      this.result = fitToVisitor(result, {
        loggedIn: this.auth.isAuthenticated(),
        requestedScopes: splitScope(this.auth.expectations.requestedScope),
        grantedScopes: this.auth.grantedScopes(),
      });
      this.pending = null;
    });
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('api', { url: '/api', component: 'apiPage' });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.api', [commonApiModule])
  .component('apiPage', { template, controller: ApiPageController })
  .config(routes).name;
