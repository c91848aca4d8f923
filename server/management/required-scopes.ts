// The Management API scopes the users proxy needs, one per call it makes: grant the API's machine-to-
// machine application exactly these. `npm run doctor` compares the grant with this list.
export const MANAGEMENT_API_SCOPES = [
  'read:users', // GET /api/v2/users: the users
  'read:role_members', // GET /api/v2/users/{id}/roles: each user's roles
  'read:roles', // GET /api/v2/roles: role names to role ids
  'create:role_members', // POST /api/v2/users/{id}/roles: give roles
  'delete:role_members', // DELETE /api/v2/users/{id}/roles: take roles away
] as const;
// Not update:users: Auth0 accepts it for role changes too, but it would also let the API change
// any user's email, password or blocked state.
