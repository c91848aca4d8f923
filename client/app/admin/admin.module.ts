import angular from 'angular';
import type { StateProvider } from '@uirouter/angularjs';
import type { AuthService } from '../auth/auth.module';
import commonApiModule from '../common/api/api.module';
import type { ApiResult } from '../common/api/api-result';
import { API_ROUTES, type ApiRoute, type ApiService } from '../common/api/api.service';
import template from './admin.html';

/** A user as GET /api/users lists them (role names, sorted), and which boxes are ticked. */
export interface UserRow {
  id: string;
  email: string | null;
  name: string | null;
  roles: string[];
  has: Record<string, boolean>;
}

const rolesRoute = (id: string, method: ApiRoute['method']): ApiRoute => ({
  method,
  path: `/api/users/${encodeURIComponent(id)}/roles`,
});

/**
 * The tenant's users and their roles, through the API's Management API proxy (never the Management
 * API itself: a browser cannot hold a token that changes roles). Only for users granted manage:users:
 * the nav hides the link, the state's rule guards the URL.
 */
export class AdminController {
  static $inject = ['api', 'auth', '$timeout', '$document'];
  users: UserRow[] | null = null;
  /** The columns: every role seen on a user here. The API lists users, not the tenant's roles. */
  roleNames: string[] = [];
  result: ApiResult | null = null;
  /** Requests under way: the table says it is busy; the boxes stay enabled, which keeps the keyboard focus. */
  busy = 0;
  /** The signed-in user's id (the id_token's sub): their own row. */
  readonly me: string | null;
  /** One of your own roles, unticked: waiting for a confirmation, since it may carry manage:users. */
  pending: { user: UserRow; role: string } | null = null;

  constructor(
    private readonly api: ApiService,
    auth: AuthService,
    private readonly $timeout: angular.ITimeoutService,
    private readonly $document: angular.IDocumentService,
  ) {
    const sub = auth.getClaims()?.['sub'];
    this.me = typeof sub === 'string' ? sub : null;
  }

  $onInit(): void {
    this.api.json<Omit<UserRow, 'has'>[]>(API_ROUTES.users).then(
      (users) => (this.users = users.map((user) => this.row(user))),
      (result: ApiResult) => (this.result = result),
    );
  }

  /**
   * The box of `role` on `user`'s row changed: give or take that role. Taking one of your own asks
   * first (the box stays ticked until then): it may be the role that lets you use this page.
   */
  toggle(user: UserRow, role: string): void {
    const give = user.has[role];
    if (!give && user.id === this.me) {
      user.has[role] = true;
      this.pending = { user, role };
      // The question takes the focus, as a dialog does; the safe answer first.
      this.$timeout(() => (this.$document[0] as unknown as Document).getElementById('keepOwnRole')?.focus());
      return;
    }
    this.change(user, role, give);
  }

  /** The confirmation's "Remove it". */
  removeOwn(): void {
    if (!this.pending) return;
    const { user, role } = this.pending;
    this.pending = null;
    user.has[role] = false;
    this.change(user, role, false);
  }

  /** The confirmation's "Keep my role": nothing changes. */
  keep(): void {
    this.pending = null;
  }

  private change(user: UserRow, role: string, give: boolean): void {
    this.busy++;
    this.api
      .json<{ roles: string[] }>(rolesRoute(user.id, give ? 'POST' : 'DELETE'), { roles: [role] })
      .then(
        (answer) => {
          Object.assign(user, this.row({ ...user, roles: answer.roles }));
          const roles = answer.roles.join(', ') || 'no role';
          this.result = {
            ok: true,
            status: '200 OK',
            message: `${user.email ?? user.id} now has ${roles}: the new scopes come with their next login or silent renewal.`,
          };
        },
        (result: ApiResult) => {
          user.has[role] = !give; // the box shows the role as the tenant still has it
          this.result = result;
        },
      )
      .finally(() => this.busy--);
  }

  private row(user: Omit<UserRow, 'has'>): UserRow {
    this.roleNames = [...new Set([...this.roleNames, ...user.roles])].sort();
    return { ...user, has: Object.fromEntries(user.roles.map((role) => [role, true])) };
  }
}

function routes($stateProvider: StateProvider): void {
  $stateProvider.state('admin', {
    url: '/admin',
    component: 'adminPage',
    data: { requiresScope: 'manage:users' },
  });
}
routes.$inject = ['$stateProvider'];

export default angular
  .module('qs.admin', [commonApiModule])
  .component('adminPage', { template, controller: AdminController })
  .config(routes).name;
