import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AngularAuth0 } from 'angular-auth0';
import type { AudienceTokenError, AudienceTokens, AuthService, UserInfoError } from '../auth/auth.module';
import commonApiModule from '../common/api/api.module';
import type { ApiResult } from '../common/api/api-result';
import managementModule from '../common/management/management.module';
import type { ManagementApi } from '../common/management/management-api';
import type { ManagementFailure } from '../common/management/management-errors';
import { MISTAKES, reproduce, type Mistake } from './thread';
import template from './profile.html';

/** Where the tenant's post-login Action puts the user's role names (dev/tenant-actions/add-roles-to-tokens). */
export const ROLES_CLAIM = 'https://quickstarts/roles';

/** A failure to get the token (AudienceTokenError) or the Management API's refusal (ManagementFailure), shown. */
export function failureResult(err: Partial<AudienceTokenError & ManagementFailure>): ApiResult {
  return 'interactive' in err
    ? { ok: false, status: 'no token', code: err.error, description: err.message }
    : { ok: false, status: err.status ?? 'error', code: err.errorCode, description: err.message, hint: err.hint };
}

/**
 * The id_token's claims (verified by auth0-js) next to the tenant's /userinfo answer, the roles, and
 * the user's own user_metadata through the Management API with a second access token.
 */
class ProfileController {
  static $inject = ['auth', 'managementApi', 'audienceTokens', 'angularAuth0', '$q'];
  userInfo: unknown = null;
  userInfoError: string | null = null;
  /** Computed once: a getter returning new arrays would make ng-repeat's watch loop forever. */
  claims: [string, string][] = [];
  roles = '';
  readonly mistakes = MISTAKES;
  color = '';
  /** favorite_color as the tenant has it: what the reproduce panel sends back. */
  private saved: unknown;
  busy = false;
  result: ApiResult | null = null;
  /** Silent authentication needs the user (consent): offer the interactive step. */
  needsConsent = false;
  thread: Partial<Record<Mistake, ApiResult>> = {};

  constructor(
    readonly auth: AuthService,
    readonly managementApi: ManagementApi,
    private readonly audienceTokens: AudienceTokens,
    private readonly angularAuth0: AngularAuth0,
    private readonly $q: angular.IQService,
  ) {}

  $onInit(): void {
    const claims = this.auth.getClaims() ?? {};
    this.claims = Object.entries(claims).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
    const roles = claims[ROLES_CLAIM];
    this.roles = (Array.isArray(roles) && roles.join(', ')) || 'none';
    this.auth.userInfo().then(
      (user) => (this.userInfo = user),
      (err: UserInfoError) => (this.userInfoError = err.message),
    );
    this.call();
  }

  /** The button stays enabled (disabling it would drop the keyboard focus): a second click waits its turn. */
  save(): void {
    if (!this.busy) this.call({ favorite_color: this.color });
  }

  /** The interactive step: a login for the Management API's audience and scope, back to this page. */
  grant(): void {
    this.audienceTokens.login(this.managementApi.request, '/profile');
  }

  send(mistake: Mistake): void {
    delete this.thread[mistake];
    const services = {
      auth: this.auth,
      managementApi: this.managementApi,
      angularAuth0: this.angularAuth0,
      $q: this.$q,
    };
    reproduce(mistake, services, this.saved).then(
      (result) => (this.thread[mistake] = result),
      // checkSession's own error: no token to send.
      (err: { error?: string; error_description?: string }) =>
        (this.thread[mistake] = { ok: false, status: 'no token', code: err.error, description: err.error_description }),
    );
  }

  /** Reads (no argument) or changes the user's user_metadata, and shows the outcome. */
  private call(metadata?: Record<string, unknown>): void {
    this.busy = true;
    this.managementApi
      .me(metadata)
      .then(
        (user) => {
          this.saved = user.user_metadata?.['favorite_color'];
          this.color = typeof this.saved === 'string' ? this.saved : '';
          this.needsConsent = false;
          const what = `favorite_color is ${JSON.stringify(this.saved ?? null)}`;
          this.result = { ok: true, status: '200 OK', message: metadata ? `Saved: ${what}.` : `Read: ${what}.` };
        },
        (err: AudienceTokenError & ManagementFailure) => {
          this.needsConsent = err.interactive === true;
          this.result = failureResult(err);
        },
      )
      .finally(() => (this.busy = false));
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('profile', { url: '/profile', component: 'profilePage', data: { requiresLogin: true } });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.profile', [commonApiModule, managementModule])
  .component('profilePage', { template, controller: ProfileController })
  .config(routes).name;
