// The proxy's operations on the tenant's users, in the API's terms: role names in and out (the
// Management API speaks role ids), one page of users with their roles.
import type { ManagementApi } from './management-client';
import { ProxyError } from './proxy-error';
import { unreadableAnswer } from './tenant-failures';

export interface UserSummary {
  id: string;
  email: string | null;
  name: string | null;
  /** Role names, sorted. */
  roles: string[];
}

/** Users per page: one page costs 1 + USERS_PAGE_SIZE Management API calls (the roles, user by user). */
const USERS_PAGE_SIZE = 50;
/** Auth0's user search stops at 1000 results, whatever the paging: pages 0-19 of 50. */
export const MAX_USERS_PAGE = 1000 / USERS_PAGE_SIZE - 1;
// Role lookups run this many at a time: fast enough for a page, gentle with the tenant's rate limit.
const PARALLEL_ROLE_LOOKUPS = 5;

export interface UsersDirectory {
  /** One page of users, sorted by email, and the tenant's total when it says. */
  list(page: number): Promise<{ users: UserSummary[]; total?: number }>;
  /** Gives or takes roles by name; resolves with the user's roles afterwards. */
  changeRoles(userId: string, change: 'add' | 'remove', roleNames: string[]): Promise<{ id: string; roles: string[] }>;
}

export function createUsersDirectory(api: ManagementApi): UsersDirectory {
  async function rolesOf(userId: string, ifNoUser: () => unknown): Promise<string[]> {
    const answer = await api.call('GET', { path: ['users', userId, 'roles'], onNotFound: ifNoUser });
    return rolesFrom(answer, 'GET /api/v2/users/{id}/roles')
      .map((role) => role.name)
      .sort();
  }
  const noSuchUser = (userId: string) => () => {
    throw new ProxyError(
      404,
      'user_not_found',
      `The tenant has no user "${userId}".`,
      'Take the id from GET /api/users (Auth0 user ids look like auth0|64f...).',
    );
  };

  return {
    async list(page) {
      const answer = await api.call('GET', {
        path: ['users'],
        query: {
          page: String(page),
          per_page: String(USERS_PAGE_SIZE),
          include_totals: 'true',
          sort: 'email:1',
          fields: 'user_id,email,name',
        },
      });
      const users = listFrom(answer, 'users', 'GET /api/v2/users').map((user) => readUser(user));
      // A user deleted between the two calls has no roles rather than failing the page.
      const roles = await mapLimited(users, PARALLEL_ROLE_LOOKUPS, (user) => rolesOf(user.id, () => []));
      const total = (answer as { total?: unknown }).total;
      return {
        users: users.map((user, i) => ({ ...user, roles: roles[i] })),
        total: typeof total === 'number' ? total : undefined,
      };
    },

    async changeRoles(userId, change, roleNames) {
      // The first 100 roles (Auth0's largest page): enough for the roles of an app, not paged further.
      const known = rolesFrom(
        await api.call('GET', { path: ['roles'], query: { per_page: '100' } }),
        'GET /api/v2/roles',
      );
      const ids = new Map(known.map((role) => [role.name, role.id]));
      const unknown = roleNames.filter((name) => !ids.has(name));
      if (unknown.length) {
        throw new ProxyError(
          400,
          'unknown_role',
          `The tenant has no role ${unknown.map((name) => JSON.stringify(name)).join(', ')}; it has ${known.map((role) => JSON.stringify(role.name)).join(', ') || 'no roles'}.`,
          'Use role names as shown in Dashboard > User Management > Roles (case matters), or create the role there.',
        );
      }
      await api.call(change === 'add' ? 'POST' : 'DELETE', {
        path: ['users', userId, 'roles'],
        body: { roles: roleNames.map((name) => ids.get(name)) },
        onNotFound: noSuchUser(userId),
      });
      return { id: userId, roles: await rolesOf(userId, noSuchUser(userId)) };
    },
  };
}

function listFrom(answer: unknown, key: string, what: string): unknown[] {
  // Lists come as arrays, or as { [key]: [...], total } when totals were asked for.
  const list = Array.isArray(answer) ? answer : (answer as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(list)) throw unreadableAnswer(what, 'is not a list');
  return list;
}

function rolesFrom(answer: unknown, what: string): { id: string; name: string }[] {
  return listFrom(answer, 'roles', what).map((role) => {
    const { id, name } = (role ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string')
      throw unreadableAnswer(what, 'lists a role without id or name');
    return { id, name };
  });
}

function readUser(user: unknown): Omit<UserSummary, 'roles'> {
  const { user_id, email, name } = (user ?? {}) as Record<string, unknown>;
  if (typeof user_id !== 'string') throw unreadableAnswer('GET /api/v2/users', 'lists a user without user_id');
  return { id: user_id, email: typeof email === 'string' ? email : null, name: typeof name === 'string' ? name : null };
}

/** `fn` over `items`, at most `limit` at a time, results in order; the first failure stops the rest. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    for (let i = next++; i < items.length && !failed; i = next++) {
      try {
        results[i] = await fn(items[i]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
