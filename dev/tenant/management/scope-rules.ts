// Which scopes each endpoint of the subset accepts, as Auth0's Management API reference lists them
// ("any of"), and what a current_user scope allows: a user's token from /authorize (which can hold
// those scopes only) acts on its own `sub` alone, so a browser never holds a token able to change
// someone else, or anyone's roles.
import type { Request, RequestHandler, Response } from 'express';
import type { TenantContext } from '../context';
import { verifyManagementToken, type ManagementCaller } from './caller-token';
import { managementErrors } from './management-errors';

export interface ScopeRule {
  /** Any one of them lets the call through; the 403 names this list, as Auth0's does. */
  anyOf: readonly string[];
  /** Those of them that act on the token's own user only. */
  ownUserOnly?: readonly string[];
}

export const SCOPE_RULES = {
  listUsers: { anyOf: ['read:users', 'read:user_idp_tokens'] },
  getUser: {
    anyOf: ['read:users', 'read:current_user', 'read:user_idp_tokens'],
    ownUserOnly: ['read:current_user'],
  },
  // create:current_user_metadata is not in the reference's list for this endpoint, but Auth0's
  // page on Management API tokens for SPAs grants it PATCH /api/v2/users/{id} too.
  patchUser: {
    anyOf: ['update:users', 'update:users_app_metadata', 'update:current_user_metadata'],
    ownUserOnly: ['update:current_user_metadata', 'create:current_user_metadata'],
  },
  listRoles: { anyOf: ['read:roles'] },
  getUserRoles: { anyOf: ['read:users', 'read:roles', 'read:role_members'] },
  assignUserRoles: { anyOf: ['update:users', 'create:role_members'] },
  removeUserRoles: { anyOf: ['update:users', 'delete:role_members'] },
} satisfies Record<string, ScopeRule>;

export interface Authorized {
  caller: ManagementCaller;
  /** Only a current_user scope let the call through: it may touch the caller's own user_metadata only. */
  ownUserOnly: boolean;
}

/** Whether `caller` may make the call on `targetUserId`; throws Auth0's 403 when not. */
function checkScopes(caller: ManagementCaller, rule: ScopeRule, targetUserId?: string): Authorized {
  const ownScopes = rule.ownUserOnly ?? [];
  if (rule.anyOf.some((scope) => !ownScopes.includes(scope) && caller.scopes.has(scope))) {
    return { caller, ownUserOnly: false };
  }
  if (ownScopes.some((scope) => caller.scopes.has(scope))) {
    if (targetUserId !== caller.sub) throw managementErrors.unownedResource();
    return { caller, ownUserOnly: true };
  }
  throw managementErrors.insufficientScope(rule.anyOf);
}

/** Checks the token and its scopes for `rule` (the user acted on is the route's :id); the route reads authorizedOf(res). */
export function authorize(ctx: TenantContext, rule: ScopeRule): RequestHandler {
  return async (req, res, next) => {
    const caller = await verifyManagementToken(ctx, req.headers.authorization);
    res.locals.authorized = checkScopes(caller, rule, userIdOf(req));
    next();
  };
}

/** The user a route acts on: its `:id`, decoded (`auth0%7C...` is `auth0|...`). */
export function userIdOf(req: Request): string | undefined {
  const id: unknown = (req.params as Record<string, unknown>).id;
  return typeof id === 'string' ? id : undefined;
}

export function authorizedOf(res: Response): Authorized {
  return res.locals.authorized as Authorized;
}
