import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import commonApiModule from '../common/api/api.module';
import { API_ROUTES, type ApiService } from '../common/api/api.service';
import type { ApiResult } from '../common/api/api-result';
import template from './admin.html';

/** Only for users granted write:messages: the nav hides the link, the state's rule guards the URL. */
class AdminController {
  static $inject = ['api'];
  result: ApiResult | null = null;

  constructor(private readonly api: ApiService) {}

  post(): void {
    void this.api.call(API_ROUTES.admin).then((result) => (this.result = result));
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('admin', {
    url: '/admin',
    component: 'adminPage',
    data: { requiresScope: 'write:messages' },
  });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.admin', [commonApiModule])
  .component('adminPage', { template, controller: AdminController })
  .config(routes).name;
