import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
import { API_CALLS, type ApiService } from '../common/api/api.service';
import apiModule from '../api/api.module';
import type { ApiResult } from '../common/api/api-result';
import template from './admin.html';

/** Only for users granted write:messages: the nav hides the link, the state's rule guards the URL. */
class AdminController {
  static $inject = ['auth', 'api'];
  message = 'Hello from the admin page';
  result: ApiResult | null = null;

  constructor(
    readonly auth: AuthService,
    private readonly api: ApiService,
  ) {}

  post(): void {
    const adminCall = API_CALLS.find((c) => c.id === 'callAdmin')!;
    this.api.call(adminCall, { message: this.message }).then((result) => (this.result = result));
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
  .module('qs.admin', [apiModule])
  .component('adminPage', { template, controller: AdminController })
  .config(routes).name;
