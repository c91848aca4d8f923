// Users and roles as the Management API returns them (the fields Auth0 sends for a database user,
// in its order), from the tenant's live users; passwords and permissions never appear. A post-login
// action's event.user is the same object.
import type { Role, TenantUser } from '../model/tenant-model';

/** The tenant's one database connection, as Auth0 names a new tenant's. */
export const DATABASE_CONNECTION = 'Username-Password-Authentication';

/** `loginsCount` 0 leaves logins_count out (Auth0 sends it from the first login on). */
export function userJson(user: TenantUser, loginsCount: number) {
  return {
    created_at: user.createdAt,
    email: user.email,
    email_verified: user.emailVerified,
    ...(user.familyName !== undefined ? { family_name: user.familyName } : {}),
    ...(user.givenName !== undefined ? { given_name: user.givenName } : {}),
    identities: [
      {
        connection: DATABASE_CONNECTION,
        user_id: user.userId.slice(user.userId.indexOf('|') + 1),
        provider: 'auth0',
        isSocial: false,
      },
    ],
    name: user.name,
    nickname: user.nickname,
    ...(user.picture !== undefined ? { picture: user.picture } : {}),
    updated_at: user.updatedAt,
    user_id: user.userId,
    user_metadata: user.userMetadata,
    app_metadata: user.appMetadata,
    // Auth0 counts logins from the first; the dev tenant since it started.
    ...(loginsCount > 0 ? { logins_count: loginsCount } : {}),
  };
}

export function roleJson(role: Role) {
  return { id: role.id, name: role.name, description: role.description };
}
