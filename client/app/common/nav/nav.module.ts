import angular from 'angular';
import type { AuthService } from '../../auth/auth.module';
import template from './nav.html';

/** Top bar: login/logout, the user's name, the admin link only for manage:users, auth errors. */
class NavController {
  static $inject = ['auth'];
  constructor(readonly auth: AuthService) {}

  get userName(): string {
    const claims = this.auth.getClaims();
    const shown = [claims?.['name'], claims?.['email'], claims?.['sub']].find((value) => typeof value === 'string');
    return typeof shown === 'string' ? shown : '';
  }
}

export default angular.module('qs.nav', []).component('qsNav', { template, controller: NavController }).name;
