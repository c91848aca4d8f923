// Everything the routes share: the registrations, the key and the in-memory stores.
import { ExpiringStore } from './expiring-store';
import { LoginAttempts, type LockoutPolicy } from './security/login-attempts';
import type { PendingLogin } from './security/login-transaction';
import { createSessionStore, type Session } from './sessions';
import type { SigningKey } from './signing-key';
import type { TenantRegistry } from './tenant-registry';
import type { OpaqueTokenGrant } from './token-issuer';

export interface TenantContext {
  registry: TenantRegistry;
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

export function createTenantContext(registry: TenantRegistry, key: SigningKey, lockout?: LockoutPolicy): TenantContext {
  return {
    registry,
    key,
    sessions: createSessionStore(),
    pendingLogins: new ExpiringStore<PendingLogin>(PENDING_LOGIN_TTL_MS, 500),
    opaqueTokens: new ExpiringStore<OpaqueTokenGrant>(registry.accessTokenTtlSeconds * 1000, 5000),
    loginAttempts: new LoginAttempts(lockout),
  };
}
