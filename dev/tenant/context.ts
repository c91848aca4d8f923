// Everything the routes share: the tenant (from its tenant file), its live users, the loaded
// actions, the key and the in-memory stores. It composes them and is imported by the routes; none
// of what it composes imports it back (each store owns its record type and lifetime).
import { LoginAttempts, type LockoutPolicy } from './login/attempts';
import { createPendingLogins, type PendingLogin } from './login/transaction';
import type { TenantModel } from './model/tenant-model';
import { TenantUsers } from './model/tenant-users';
import type { LoadedPostLoginAction } from './post-login/load-actions';
import type { SigningKey } from './shared/signing-key';
import { createAuthorizationCodeStore, type IssuedCode } from './stores/authorization-codes';
import type { ExpiringStore } from './stores/expiring-store';
import { createOpaqueTokenStore, type OpaqueTokenGrant } from './stores/opaque-tokens';
import type { SavedUserState } from './stores/saved-users/saved-users';
import { UserChanges } from './stores/saved-users/user-changes';
import { RefreshTokenStore } from './stores/refresh-tokens';
import { createSessionStore, type Session } from './stores/sessions';

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
  pendingLogins: ExpiringStore<PendingLogin>;
  opaqueTokens: ExpiringStore<OpaqueTokenGrant>;
  /** Codes /authorize issued (response_type=code), waiting for the token endpoint. */
  authorizationCodes: ExpiringStore<IssuedCode>;
  refreshTokens: RefreshTokenStore;
  /** Failed logins per account (brute-force protection). */
  loginAttempts: LoginAttempts;
}

export function createTenantContext(parts: {
  tenant: TenantModel;
  key: SigningKey;
  postLoginActions: readonly LoadedPostLoginAction[];
  settings: TenantSettings;
  lockout?: LockoutPolicy;
  /** Users' changes saved by an earlier run (applied now); omitted = none, kept in memory. */
  savedUsers?: SavedUserState;
}): TenantContext {
  const users = new TenantUsers(parts.tenant.users);
  return {
    tenant: parts.tenant,
    users,
    userChanges: new UserChanges(users, parts.savedUsers),
    postLoginActions: parts.postLoginActions,
    settings: parts.settings,
    key: parts.key,
    sessions: createSessionStore(),
    pendingLogins: createPendingLogins(),
    opaqueTokens: createOpaqueTokenStore(parts.settings.accessTokenTtlSeconds),
    authorizationCodes: createAuthorizationCodeStore(),
    refreshTokens: new RefreshTokenStore(),
    loginAttempts: new LoginAttempts(parts.lockout),
  };
}
