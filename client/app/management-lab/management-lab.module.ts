import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthFlow, AuthService } from '../auth/auth.module';
import commonApiModule from '../common/api/api.module';
import type { ApiResult } from '../common/api/api-result';
import managementModule from '../common/management/management.module';
import type { ManagementApi } from '../common/management/management-api';
import { MISTAKES, reproduce, type Mistake } from './thread';
import template from './management-lab.html';

/** The classic mistakes of calling the Management API from a browser, sent for real and explained. */
export class ManagementLabController {
  static $inject = ['auth', 'managementApi', 'authFlow', '$q'];
  readonly mistakes = MISTAKES;
  thread: Partial<Record<Mistake, ApiResult>> = {};
  /** favorite_color as the tenant has it: what each mistake sends back, so nothing changes. */
  private saved: angular.IPromise<unknown> | null = null;

  constructor(
    private readonly auth: AuthService,
    private readonly managementApi: ManagementApi,
    private readonly authFlow: AuthFlow,
    private readonly $q: angular.IQService,
  ) {}

  send(mistake: Mistake): void {
    delete this.thread[mistake];
    // Read once, when first needed; without it (no Management API token) the mistakes send no color.
    this.saved ??= this.managementApi.me().then(
      (user) => user.user_metadata?.['favorite_color'],
      () => undefined,
    );
    const services = {
      auth: this.auth,
      managementApi: this.managementApi,
      authFlow: this.authFlow,
      $q: this.$q,
    };
    this.saved
      .then((color) => reproduce(mistake, services, color))
      .then(
        (result) => (this.thread[mistake] = result),
        // The flow's own error: no token to send.
        (err: { error?: string; error_description?: string }) =>
          (this.thread[mistake] = {
            ok: false,
            status: 'no token',
            code: err.error,
            description: err.error_description,
          }),
      );
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('managementLab', {
    url: '/management-lab',
    component: 'managementLabPage',
    data: { requiresLogin: true },
  });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.managementLab', [commonApiModule, managementModule])
  .component('managementLabPage', { template, controller: ManagementLabController })
  .config(routes).name;
