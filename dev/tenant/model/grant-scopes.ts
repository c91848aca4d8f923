// Which scopes a login ends up with, as Auth0 decides. Auth0 silently drops what may not be
// granted rather than failing the login; the app then sees the difference in the `scope` of the
// response.
import { USER_GRANTABLE_MANAGEMENT_SCOPES } from './management-api-resource';
import { userPermissions } from './lookups';
import type { ResourceServer, TenantModel, TenantUser } from './tenant-model';

export const OIDC_SCOPES = ['openid', 'profile', 'email'] as const;

export function parseScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter(Boolean))];
}

export interface Grant {
  /** The `scope` of the response and of the access token: OIDC scopes, then API scopes. */
  scopes: string[];
  /** The access token's `permissions` claim (RBAC with the access_token_authz dialect only). */
  permissions?: string[];
}

/**
 * - no audience: the OIDC scopes asked for, nothing else (the token is only good for /userinfo);
 * - the Management API: only the current_user scopes, to anyone who asks;
 * - an API with RBAC: requested ∩ the API's scopes ∩ the user's permissions (roles and direct);
 * - an API without RBAC: requested ∩ the API's scopes (Auth0's default: anyone gets what they ask).
 */
export function grantScopes(
  tenant: TenantModel,
  requested: readonly string[],
  api: ResourceServer | undefined,
  user: TenantUser,
): Grant {
  const oidc = OIDC_SCOPES.filter((scope) => requested.includes(scope));
  if (!api) return { scopes: oidc };
  const defined = api.scopes.map((scope) => scope.value).filter((scope) => requested.includes(scope));
  if (api.isManagementApi) {
    return { scopes: [...oidc, ...defined.filter((scope) => USER_GRANTABLE_MANAGEMENT_SCOPES.includes(scope))] };
  }
  if (!api.enforcePolicies) return { scopes: [...oidc, ...defined] };
  const permissions = userPermissions(tenant, user, api);
  return {
    scopes: [...oidc, ...defined.filter((scope) => permissions.includes(scope))],
    // All of the user's permissions for the API, requested or not, as Auth0 writes them.
    ...(api.tokenDialect === 'access_token_authz' ? { permissions } : {}),
  };
}
