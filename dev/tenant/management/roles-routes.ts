// GET /api/v2/roles and GET|POST|DELETE /api/v2/users/{id}/roles: the tenant file's roles, and
// which of them each user holds. An assignment changes the user's RBAC permissions and the roles
// the post-login actions see from the next login or silent authentication on, as in Auth0.
import { Router, type RequestHandler } from 'express';
import type { Role } from '../model/tenant-model';
import type { TenantContext } from '../context';
import { readPaging, readQuery, pageOf, type Paging } from './list-query';
import { managementErrors, typeOf } from './management-errors';
import { roleJson } from './resource-json';
import { authorize, SCOPE_RULES, userIdOf } from './scope-rules';

/** Auth0's role id format; the dev tenant derives its ids in it (tenant-file/derived-ids.ts). */
const ROLE_ID = /^rol_[A-Za-z0-9]{16}$/;

function rolesPage(roles: readonly Role[], paging: Paging) {
  const page = pageOf(roles, paging).map(roleJson);
  return paging.includeTotals
    ? { roles: page, start: paging.page * paging.perPage, limit: paging.perPage, total: roles.length }
    : page;
}

/** The role ids of a `{ "roles": [...] }` body, checked as Auth0's payload validation checks them. */
function roleIdsOf(body: unknown): string[] {
  if (typeOf(body) !== 'object')
    throw managementErrors.invalidBody(`'Expected type object but found type ${typeOf(body)}'.`);
  const extra = Object.keys(body as object).filter((key) => key !== 'roles');
  if (extra.length) throw managementErrors.invalidBody(`'Additional properties not allowed: ${extra.join(',')}'.`);
  const roles = (body as { roles?: unknown }).roles;
  if (roles === undefined) throw managementErrors.invalidBody(`'Missing required property: roles'.`);
  if (!Array.isArray(roles))
    throw managementErrors.invalidBody(`'Expected type array but found type ${typeOf(roles)}' on property roles.`);
  if (roles.length === 0) throw managementErrors.invalidBody(`'Array is too short (0), minimum 1' on property roles.`);
  roles.forEach((id: unknown, i) => {
    if (typeof id !== 'string')
      throw managementErrors.invalidBody(
        `'Expected type string but found type ${typeOf(id)}' on property roles[${i}].`,
      );
    if (!ROLE_ID.test(id))
      throw managementErrors.invalidBody(`'String does not match pattern ${ROLE_ID.source}' on property roles[${i}].`);
  });
  return roles as string[];
}

export function rolesRoutes(ctx: TenantContext, jsonBody: RequestHandler): Router {
  const router = Router();
  const { tenant } = ctx;

  router.get('/roles', authorize(ctx, SCOPE_RULES.listRoles), (req, res) => {
    const params = readQuery(req.query, ['name_filter']);
    const filter = params.name_filter?.toLowerCase();
    const roles = filter ? tenant.roles.filter((role) => role.name.toLowerCase().includes(filter)) : tenant.roles;
    res.json(rolesPage(roles, readPaging(params)));
  });

  router.get('/users/:id/roles', authorize(ctx, SCOPE_RULES.getUserRoles), (req, res) => {
    const paging = readPaging(readQuery(req.query));
    const user = ctx.users.findById(userIdOf(req) ?? '');
    if (!user) throw managementErrors.inexistentUser();
    res.json(
      rolesPage(
        tenant.roles.filter((role) => user.roles.includes(role.name)),
        paging,
      ),
    );
  });

  /** POST adds the roles, DELETE removes them; either is idempotent and answers 204, as Auth0's. */
  const change =
    (add: boolean): RequestHandler =>
    async (req, res) => {
      const ids = roleIdsOf(req.body);
      const user = ctx.users.findById(userIdOf(req) ?? '');
      if (!user) throw managementErrors.inexistentUser();
      const names = ids.map((id) => tenant.roles.find((role) => role.id === id)?.name);
      if (names.some((name) => name === undefined)) throw managementErrors.inexistentRole();
      const held = new Set(user.roles);
      for (const name of names as string[]) {
        if (add) held.add(name);
        else held.delete(name);
      }
      // In the tenant file's role order, so tokens and the actions' event list them the same way every time.
      await ctx.userChanges.update(user.userId, {
        roles: tenant.roles.filter((r) => held.has(r.name)).map((r) => r.name),
      });
      res.status(204).end();
    };
  router.post('/users/:id/roles', authorize(ctx, SCOPE_RULES.assignUserRoles), jsonBody, change(true));
  router.delete('/users/:id/roles', authorize(ctx, SCOPE_RULES.removeUserRoles), jsonBody, change(false));

  return router;
}
