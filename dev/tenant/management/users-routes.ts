// GET /api/v2/users, GET and PATCH /api/v2/users/{id}: the users of the tenant file as they are now,
// and the one change the subset makes to them, metadata. A PATCH reaches TenantUsers at once (the
// next login sees it) and the saved state (the next start sees it).
import { Router, type RequestHandler } from 'express';
import type { TenantContext } from '../context';
import { pageOf, readFields, readPaging, readQuery, readSort } from './list-query';
import { managementErrors } from './management-errors';
import { mergeMetadata, readMetadataPatch } from './metadata-patch';
import { userJson } from './resource-json';
import { authorize, authorizedOf, SCOPE_RULES, userIdOf } from './scope-rules';

export function usersRoutes(ctx: TenantContext, jsonBody: RequestHandler): Router {
  const router = Router();
  const json = (userId: string) => {
    const user = ctx.users.findById(userId);
    if (!user) throw managementErrors.inexistentUser();
    return userJson(user, ctx.users.loginsCount(userId));
  };

  router.get('/users', authorize(ctx, SCOPE_RULES.listUsers), (req, res) => {
    // search_engine picks Auth0's search version; the dev tenant has one way to list, so it is accepted and unused.
    const params = readQuery(req.query, ['fields', 'include_fields', 'search_engine', 'sort']);
    const paging = readPaging(params);
    const pick = readFields(params);
    const sort = readSort(params);
    const all = ctx.users.all().map((user) => json(user.userId));
    if (sort) all.sort(sort);
    const users = pageOf(all, paging).map(pick);
    if (!paging.includeTotals) {
      res.json(users);
      return;
    }
    res.json({
      start: paging.page * paging.perPage,
      limit: paging.perPage,
      length: users.length,
      users,
      total: all.length,
    });
  });

  router.get('/users/:id', authorize(ctx, SCOPE_RULES.getUser), (req, res) => {
    const pick = readFields(readQuery(req.query, ['fields', 'include_fields']));
    res.json(pick(json(userIdOf(req) ?? '')));
  });

  router.patch('/users/:id', authorize(ctx, SCOPE_RULES.patchUser), jsonBody, async (req, res) => {
    const patch = readMetadataPatch(req.body, authorizedOf(res).ownUserOnly);
    // From here to the update nothing awaits: two PATCHes at once each merge into the other's result.
    const user = ctx.users.findById(userIdOf(req) ?? '');
    if (!user) throw managementErrors.inexistentUser();
    const changed = await ctx.userChanges.update(user.userId, {
      ...(patch.user_metadata !== undefined
        ? { userMetadata: mergeMetadata('user_metadata', user.userMetadata, patch.user_metadata) }
        : {}),
      ...(patch.app_metadata !== undefined
        ? { appMetadata: mergeMetadata('app_metadata', user.appMetadata, patch.app_metadata) }
        : {}),
      touch: true,
    });
    if (!changed) throw managementErrors.inexistentUser();
    res.json(json(changed.userId));
  });

  return router;
}
