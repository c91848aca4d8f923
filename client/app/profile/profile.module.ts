import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AudienceTokenError, AudienceTokens, AuthService, UserInfoError } from '../auth/auth.module';
import commonApiModule from '../common/api/api.module';
import type { ApiResult } from '../common/api/api-result';
import managementModule from '../common/management/management.module';
import type { ManagementApi } from '../common/management/management-api';
import template from './profile.html';

/** Where the tenant's post-login Action puts the user's role names (dev/tenant-actions/add-roles-to-tokens). */
export const ROLES_CLAIM = 'https://quickstarts/roles';

/** No token for the Management API (AudienceTokenError), or its refusal (already an ApiResult), shown. */
function failureResult(err: AudienceTokenError | ApiResult): ApiResult {
  if (!('interactive' in err)) return err;
  // Consent is a step to take, not a mistake.
  return { ok: false, status: 'no token', code: err.error, description: err.message, expected: err.interactive };
}

/**
 * The user: name, roles, their own user_metadata through the Management API with a second access
 * token, and the tenant's /userinfo answer.
 */
class ProfileController {
  static $inject = ['auth', 'managementApi', 'audienceTokens'];
  userInfo: unknown = null;
  userInfoError: string | null = null;
  roles = '';
  color = '';
  busy = false;
  result: ApiResult | null = null;
  /** Silent authentication needs the user (consent): offer the interactive step. */
  needsConsent = false;

  constructor(
    readonly auth: AuthService,
    readonly managementApi: ManagementApi,
    private readonly audienceTokens: AudienceTokens,
  ) {}

  $onInit(): void {
    const claims = this.auth.getClaims() ?? {};
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

  /** Reads (no argument) or changes the user's user_metadata, and shows the outcome. */
  private call(metadata?: Record<string, unknown>): void {
    this.busy = true;
    this.managementApi
      .me(metadata)
      .then(
        (user) => {
          const saved = user.user_metadata?.['favorite_color'];
          this.color = typeof saved === 'string' ? saved : '';
          this.needsConsent = false;
          const what = `favorite_color is ${JSON.stringify(saved ?? null)}`;
          this.result = { ok: true, status: '200 OK', message: metadata ? `Saved: ${what}.` : `Read: ${what}.` };
        },
        (err: AudienceTokenError | ApiResult) => {
          this.needsConsent = 'interactive' in err && err.interactive;
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
