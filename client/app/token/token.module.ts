import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AudienceTokenError, AudienceTokens, AuthService } from '../auth/auth.module';
import commonApiModule from '../common/api/api.module';
import type { ApiRequirements, ApiService } from '../common/api/api.service';
import managementModule from '../common/management/management.module';
import type { ManagementApi } from '../common/management/management-api';
import type { Check } from './token-checks';
import { inspectToken, type Inspection } from './token-inspector';
import template from './token.html';

type Source = 'access' | 'id' | 'management' | 'pasted';

class TokenController {
  static $inject = ['auth', 'audienceTokens', 'managementApi', 'api'];
  source: Source = 'access';
  pasted = '';
  inspection: Inspection | null = null;
  /** What the checks compare with: the API's published requirements, or the app's settings. */
  comparedWith = '';
  readonly marks: Record<Check['status'], string> = { ok: '✓', info: 'ℹ', fail: '✗' };
  private requirements: ApiRequirements | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly audienceTokens: AudienceTokens,
    private readonly managementApi: ManagementApi,
    private readonly api: ApiService,
  ) {}

  $onInit(): void {
    // After a reload the session may still be restoring: inspect once it is known, and once the API
    // has said what it expects (or not answered).
    void this.auth
      .ready()
      .then(() => this.api.requirements())
      .then((requirements) => {
        this.requirements = requirements ?? undefined;
        this.comparedWith = requirements
          ? 'Compared with what the API expects (GET /api/token-requirements).'
          : "The API did not say what it expects: compared with the app's settings.";
        this.inspect();
      });
  }

  /** The id_token option shows what the API would say if it were sent by mistake. */
  inspect(): void {
    if (this.source === 'management') return this.inspectManagementToken();
    const token =
      this.source === 'access'
        ? this.auth.getAccessToken()
        : this.source === 'id'
          ? this.auth.getIdToken()
          : this.pasted.trim() || null;
    this.inspection = inspectToken(token, { ...this.auth.expectations, api: this.requirements });
  }

  /** The profile's second token, checked against what the Management API wants. */
  private inspectManagementToken(): void {
    const { base, request } = this.managementApi;
    this.inspection = null;
    this.audienceTokens.get(request).then(
      (token) =>
        (this.inspection = inspectToken(token, {
          issuer: this.auth.expectations.issuer,
          audience: base,
          requestedScope: request.scope,
          audienceFix: `Request it with audience ${base}.`,
          scopeFix: "A user's token holds the current_user scopes only; the tenant drops the others.",
        })),
      (err: AudienceTokenError) =>
        (this.inspection = {
          kind: 'none',
          times: [],
          checks: [{ status: 'fail', label: 'Management API token', detail: err.message }],
        }),
    );
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('token', { url: '/token', component: 'tokenPage' });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.token', [commonApiModule, managementModule])
  .component('tokenPage', { template, controller: TokenController })
  .config(routes).name;
