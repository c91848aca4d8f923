import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import { API_CALLS, ApiService, type ApiCall } from '../common/api/api.service';
import type { ApiResult } from '../common/api/api-result';
import resultTemplate from '../common/api/api-result.html';
import template from './api.html';

class ApiPageController {
  static $inject = ['api'];
  readonly calls = API_CALLS;
  result: ApiResult | null = null;
  pending: string | null = null;

  constructor(private readonly api: ApiService) {}

  call(call: ApiCall): void {
    this.pending = call.path;
    this.result = null;
    this.api.call(call).then((result) => {
      this.result = result;
      this.pending = null;
    });
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('api', { url: '/api', component: 'apiPage' });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.api', [])
  .service('api', ApiService)
  // Shared with the admin page: shows an ApiResult the same way everywhere.
  .component('apiResult', { template: resultTemplate, bindings: { result: '<' } })
  .component('apiPage', { template, controller: ApiPageController })
  .config(routes).name;
