// Opaque access tokens: what a login that named no audience gets, as from Auth0. The token is a
// random id that stands for a user and the scopes granted; only /userinfo accepts it.
import { ExpiringStore } from './expiring-store';

export interface OpaqueTokenGrant {
  sub: string;
  scope: string;
}

/** Their lifetime, and the `expires_in` that announces it: Auth0's for /userinfo in the implicit flow. */
export const OPAQUE_TOKEN_TTL_SECONDS = 7200;

/** `ttlSeconds`: DEV_TENANT_TOKEN_TTL when set, which every access token follows. */
export function createOpaqueTokenStore(ttlSeconds = OPAQUE_TOKEN_TTL_SECONDS): ExpiringStore<OpaqueTokenGrant> {
  return new ExpiringStore<OpaqueTokenGrant>(ttlSeconds * 1000, 5000);
}
