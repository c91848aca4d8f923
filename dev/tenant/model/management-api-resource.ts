// The Auth0 Management API exists in every tenant without being configured: its audience is
// `<issuer>api/v2/`. Its endpoints are served by the dev tenant's management routes; this file
// only says what it is and which of its scopes a user may get through /authorize.
import type { ResourceServer } from './tenant-model';

/** The scopes it knows: those a client grant or a user may hold in the dev tenant. */
const SCOPES: Record<string, string> = {
  'read:users': 'Read Users',
  'update:users': 'Update Users',
  'read:users_app_metadata': 'Read Users App Metadata',
  'update:users_app_metadata': 'Update Users App Metadata',
  'create:users_app_metadata': 'Create Users App Metadata',
  'delete:users_app_metadata': 'Delete Users App Metadata',
  'read:roles': 'Read Roles',
  'read:role_members': 'Read Role Members',
  'create:role_members': 'Create Role Members',
  'delete:role_members': 'Delete Role Members',
  'read:current_user': 'Read Current User',
  'update:current_user_metadata': 'Update Current User Metadata',
  'create:current_user_metadata': 'Create Current User Metadata',
  'delete:current_user_metadata': 'Delete Current User Metadata',
};

/**
 * What a user may be granted when an app asks /authorize for this audience: the current_user
 * scopes, which act on the user's own profile only. Auth0 drops any other scope silently, so that
 * a browser never holds a token able to change roles (a backend does that with its own client).
 */
export const USER_GRANTABLE_MANAGEMENT_SCOPES: readonly string[] = [
  'read:current_user',
  'update:current_user_metadata',
  'create:current_user_metadata',
  'delete:current_user_metadata',
];

export function managementApiIdentifier(issuer: string): string {
  return `${issuer}api/v2/`;
}

export function managementApi(issuer: string): ResourceServer {
  return {
    name: 'Auth0 Management API',
    identifier: managementApiIdentifier(issuer),
    scopes: Object.entries(SCOPES).map(([value, description]) => ({ value, description })),
    enforcePolicies: false,
    tokenDialect: 'access_token',
    tokenLifetimeSeconds: 86400,
    tokenLifetimeForWebSeconds: 7200,
    // A user's token for it comes from silent authentication or a login, never from a refresh token.
    allowOfflineAccess: false,
    isManagementApi: true,
  };
}
