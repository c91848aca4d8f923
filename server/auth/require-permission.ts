// RBAC permissions, the alternative to requireScope: Auth0 lists in the access token's `permissions`
// claim everything the user's roles (and direct assignments) allow on this API, whether the app asked
// for it or not, when the API has RBAC and "Add Permissions in the Access Token" enabled
// (token_dialect access_token_authz). Without those two settings the claim is absent.
import type { RequestHandler } from 'express';
import { AuthError, show } from './auth-errors';

/** 403 insufficient_scope unless the verified token's `permissions` include `permission`. Use after requireAccessToken. */
export function requirePermission(permission: string): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) return next(new Error('requirePermission() must come after requireAccessToken().'));
    const claim = req.auth.permissions;
    if (!Array.isArray(claim)) {
      return next(
        new AuthError(
          'insufficient_scope',
          `This route needs the permission "${permission}"; the token has no list of permissions.`,
          'In the API\'s settings (Dashboard > Applications > APIs), enable RBAC and "Add Permissions in the Access Token", then get a new token.',
          { scope: permission },
        ),
      );
    }
    if (claim.includes(permission)) return next();
    next(
      new AuthError(
        'insufficient_scope',
        `This route needs the permission "${permission}"; the token's permissions are ${claim.length ? show(claim) : 'none'}.`,
        `Give the user "${permission}" in the tenant (through a role, or directly under the user's Permissions), then get a new token.`,
        { scope: permission },
      ),
    );
  };
}
