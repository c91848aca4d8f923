// Which scopes a login ends up with. Auth0 silently drops what may not be granted rather than
// failing the login; the app then sees the difference in the `scope` of the response.
import type { DemoUser } from './demo-users';
import type { RegisteredApi } from './tenant-registry';

export const OIDC_SCOPES = ['openid', 'profile', 'email'] as const;

export function parseScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter(Boolean))];
}

export function grantedScopes(requested: readonly string[], api: RegisteredApi | undefined, user: DemoUser): string[] {
  const oidc = OIDC_SCOPES.filter((scope) => requested.includes(scope));
  const apiScopes = api ? api.scopes.filter((scope) => requested.includes(scope) && user.scopes.includes(scope)) : [];
  return [...oidc, ...apiScopes];
}
