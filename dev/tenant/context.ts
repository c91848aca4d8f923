// Everything the routes share: the tenant (from its tenant file), its live users, the loaded
// actions, the key and the in-memory stores.
import { ExpiringStore } from './stores/expiring-store';
import type { TenantModel } from './model/tenant-model';
import { TenantUsers } from './model/tenant-users';
import type { LoadedPostLoginAction } from './post-login/load-actions';
import { LoginAttempts, type LockoutPolicy } from './login/attempts';
import type { PendingLogin } from './login/transaction';
import { createSessionStore, type Session } from './stores/sessions';
import type { SigningKey } from './shared/signing-key';
import type { SavedUserState } from './stores/saved-users/saved-users';
import { UserChanges } from './stores/saved-users/user-changes';
import type { OpaqueTokenGrant } from './authorize/issue-tokens';

/** How the tenant runs, beside what its tenant file says. */
export interface TenantSettings {
  /** DEV_TENANT_TOKEN_TTL: the lifetime of every access token, instead of the APIs' own. */
  accessTokenTtlSeconds?: number;
  /** How long the post-login actions of one login may run together (Auth0's limit: 20 s). */
  actionTimeoutMs: number;
}

export interface TenantContext {
  tenant: TenantModel;
  /** The users as they are now (the tenant file's at start). */
  users: TenantUsers;
  /** Changes users (Management API) in `users` and in the saved state. */
  userChanges: UserChanges;
  /** `triggers.post-login`, loaded, in order. */
  postLoginActions: readonly LoadedPostLoginAction[];
  settings: TenantSettings;
  key: SigningKey;
  sessions: ExpiringStore<Session>;
  /** /authorize requests waiting for the user to log in, by transaction id (the `tx` of /login). */
  pendingLogins: ExpiringStore<PendingLogin>;
  opaqueTokens: ExpiringStore<OpaqueTokenGrant>;
  /** Failed logins per account (brute-force protection). */
  loginAttempts: LoginAttempts;
}

/** How long the login form of one /authorize request stays usable. */
export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;

/** The lifetime of opaque access tokens (no audience), as Auth0's for /userinfo in the implicit flow. */
const OPAQUE_TOKEN_TTL_SECONDS = 7200;

export function createTenantContext(parts: {
  tenant: TenantModel;
  key: SigningKey;
  postLoginActions: readonly LoadedPostLoginAction[];
  settings: TenantSettings;
  lockout?: LockoutPolicy;
  /** Users' changes saved by an earlier run (applied now); omitted = none, kept in memory. */
  savedUsers?: SavedUserState;
}): TenantContext {
  const opaqueTtlSeconds = parts.settings.accessTokenTtlSeconds ?? OPAQUE_TOKEN_TTL_SECONDS;
  const users = new TenantUsers(parts.tenant.users);
  return {
    tenant: parts.tenant,
    users,
    userChanges: new UserChanges(users, parts.savedUsers),
    postLoginActions: parts.postLoginActions,
    settings: parts.settings,
    key: parts.key,
    sessions: createSessionStore(),
    pendingLogins: new ExpiringStore<PendingLogin>(PENDING_LOGIN_TTL_MS, 500),
    opaqueTokens: new ExpiringStore<OpaqueTokenGrant>(opaqueTtlSeconds * 1000, 5000),
    loginAttempts: new LoginAttempts(parts.lockout),
  };
}
