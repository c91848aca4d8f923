// The tenant file's users (an extension: an a0deploy export has none), in Auth0's bulk import
// shape, with their roles checked against the tenant's.
import { DEFAULT_USER_PASSWORD } from '../model/tenant-users';
import type { ResourceServer, Role, TenantUser } from '../model/tenant-model';
import { userId } from './derived-ids';
import { requireUnique, resolvePermissions } from './resolve-applications';
import type { TenantFile } from './schema';
import { TenantFileError } from './tenant-file-error';

/** `loadedAt` stands in for created_at and updated_at where the file gives none. */
export function resolveUsers(
  file: string,
  apis: readonly ResourceServer[],
  roles: readonly Role[],
  input: TenantFile['users'],
  loadedAt: string,
): TenantUser[] {
  const users = input.map((user, i): TenantUser => {
    const email = user.email.toLowerCase();
    user.roles.forEach((name, j) => {
      if (!roles.some((role) => role.name === name)) {
        const known = roles.length ? roles.map((role) => role.name).join(', ') : 'none';
        throw TenantFileError.at(file, ['users', i, 'roles', j], `no role named "${name}" (roles: ${known})`);
      }
    });
    return {
      userId: userId(user.user_id, email),
      email,
      emailVerified: user.email_verified,
      // What Auth0 sets for a database user who has no name or nickname.
      name: user.name ?? email,
      nickname: user.nickname ?? email.split('@')[0],
      ...(user.picture !== undefined ? { picture: user.picture } : {}),
      ...(user.given_name !== undefined ? { givenName: user.given_name } : {}),
      ...(user.family_name !== undefined ? { familyName: user.family_name } : {}),
      userMetadata: user.user_metadata,
      appMetadata: user.app_metadata,
      roles: [...new Set(user.roles)],
      permissions: resolvePermissions(file, apis, user.permissions, ['users', i, 'permissions']),
      password: user.password ?? DEFAULT_USER_PASSWORD,
      createdAt: user.created_at ?? loadedAt,
      updatedAt: user.updated_at ?? user.created_at ?? loadedAt,
    };
  });
  requireUnique(file, 'users', users, (user) => user.email, 'email');
  requireUnique(file, 'users', users, (user) => user.userId, 'user_id');
  return users;
}
