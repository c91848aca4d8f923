// Auth0's Management API from the browser, for the user's own user_metadata: a user's token for it
// holds at most the current_user scopes (anything else goes through the API's /api/users). The token
// is a second access token (audienceTokens), sent to <issuer>api/v2/ and nowhere else.
import type angular from 'angular';
import type { AudienceRequest, AudienceTokens, AuthService } from '../../auth/auth.module';
import type { ApiResult } from '../api/api-result';
import { explainManagementError } from './management-errors';

/** Read your own profile and change your own user_metadata: the most a user's token can do. */
export const MANAGEMENT_SCOPE = 'read:current_user update:current_user_metadata';

export interface ManagementUser {
  user_id: string;
  user_metadata?: Record<string, unknown>;
}

export class ManagementApi {
  static $inject = ['$http', '$q', '$window', 'auth', 'audienceTokens'];
  /** `<issuer>api/v2/`: the Management API's identifier (the audience) and where it answers. */
  readonly base: string;
  readonly request: AudienceRequest;

  constructor(
    private readonly $http: angular.IHttpService,
    private readonly $q: angular.IQService,
    private readonly $window: angular.IWindowService,
    private readonly auth: AuthService,
    private readonly audienceTokens: AudienceTokens,
  ) {
    this.base = `${auth.expectations.issuer}api/v2/`;
    this.request = { audience: this.base, scope: MANAGEMENT_SCOPE };
  }

  /**
   * The user's own record, or with `metadata` merged into its user_metadata (PATCH). Rejects with an
   * AudienceTokenError (no token: `interactive` says whether to offer the consent step) or the
   * Management API's refusal as an ApiResult.
   */
  me(metadata?: Record<string, unknown>): angular.IPromise<ManagementUser> {
    return this.audienceTokens.get(this.request).then((token) =>
      this.send(token, metadata).catch((failure: ApiResult) => {
        if (failure.status.startsWith('401')) this.audienceTokens.drop(this.request); // revoked, expired: fetch another
        return this.$q.reject(failure);
      }),
    );
  }

  /** GET (or PATCH with `metadata`) users/{the id_token's sub}, with `token` whatever it is. */
  send(token: string, metadata?: Record<string, unknown>): angular.IPromise<ManagementUser> {
    const sub = String(this.auth.getClaims()?.['sub']);
    const config: angular.IRequestConfig & { skipAuthorization: boolean } = {
      method: metadata ? 'PATCH' : 'GET',
      url: `${this.base}users/${encodeURIComponent(sub)}`,
      data: metadata && { user_metadata: metadata },
      // This call's token, stated here; angular-jwt's interceptor leaves the request alone (it never
      // adds the API's token, nor replaces this one).
      headers: { Authorization: `Bearer ${token}` },
      skipAuthorization: true,
    };
    return this.$http<ManagementUser>(config).then(
      (response) => response.data,
      (response: angular.IHttpResponse<unknown>) =>
        this.$q.reject(explainManagementError(response, this.base, this.$window.location.origin)),
    );
  }
}
