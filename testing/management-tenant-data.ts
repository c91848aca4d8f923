// The users and roles of the controllable tenant: the dev tenant's demo users and roles, so that
// the same happy-path specs hold on both.
export interface TenantUser {
  user_id: string;
  email: string;
  name: string;
  /** Role ids. */
  roles: string[];
}

export interface TenantRole {
  id: string;
  name: string;
  description: string;
}

export function demoRoles(): TenantRole[] {
  return [
    { id: 'rol_0000000000admin', name: 'admin', description: 'Reads and writes messages, manages users' },
    { id: 'rol_000000000reader', name: 'reader', description: 'Reads messages' },
  ];
}

export function demoUsers(): TenantUser[] {
  return [
    { user_id: 'auth0|dev-admin-0001', email: 'admin@example.com', name: 'Ada Admin', roles: ['rol_0000000000admin'] },
    {
      user_id: 'auth0|dev-reader-0002',
      email: 'reader@example.com',
      name: 'Riley Reader',
      roles: ['rol_000000000reader'],
    },
    { user_id: 'auth0|dev-guest-0003', email: 'guest@example.com', name: 'Gale Guest', roles: [] },
  ];
}

/** Which scopes each Management API endpoint accepts (any one of them), as Auth0's reference lists them. */
export const ENDPOINT_SCOPES = {
  listUsers: ['read:users'],
  listRoles: ['read:roles'],
  userRoles: ['read:users', 'read:roles', 'read:role_members'],
  assignRoles: ['update:users', 'create:role_members'],
  removeRoles: ['update:users', 'delete:role_members'],
} as const;
