import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
import { inspectToken, type Inspection } from './token-inspector';
import template from './token.html';

type Source = 'access' | 'id' | 'pasted';

class TokenController {
  static $inject = ['auth'];
  source: Source = 'access';
  pasted = '';
  inspection: Inspection | null = null;

  constructor(private readonly auth: AuthService) {}

  $onInit(): void {
    // After a reload the session may still be restoring: inspect once it is known.
    void this.auth.ready().then(() => this.inspect());
  }

  /** The id_token option shows what the API would say if it were sent by mistake. */
  inspect(): void {
    const token =
      this.source === 'access'
        ? this.auth.getAccessToken()
        : this.source === 'id'
          ? this.auth.getIdToken()
          : this.pasted.trim() || null;
    this.inspection = inspectToken(token, this.auth.expectations);
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('token', { url: '/token', component: 'tokenPage' });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.token', [])
  .component('tokenPage', { template, controller: TokenController })
  .config(routes).name;
