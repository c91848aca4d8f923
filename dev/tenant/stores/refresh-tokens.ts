// Refresh tokens, by family: the chain of tokens one login's refresh token rotates into. The rules
// are Auth0's, from its "Refresh Token Rotation", "Configure Refresh Token Rotation" and "Configure
// Refresh Token Expiration" pages:
// - rotating: every exchange of the newest token returns a new one; within the client's leeway the
//   previous token may be exchanged again (and gets a new one too); any other old token, or the
//   previous one after the leeway, is reuse, and revokes the grant: every family of that user,
//   client and API, the newest token included;
// - non-rotating: the same token is exchanged again and again, no new one is returned;
// - expiring: the absolute lifetime is fixed when the family's first token is issued (rotation does
//   not extend it), the idle lifetime restarts at every exchange.
// In memory and bounded: a restart forgets every refresh token, as a dev tenant may.
import type { RefreshTokenSettings } from '../model/tenant-model';
import { randomId } from '../shared/random-id';

/** What a refresh token stands for, fixed when the first token of the family is issued. */
export interface RefreshGrant {
  clientId: string;
  userId: string;
  /** The API identifier (the access tokens' audience). */
  audience: string;
  /** The scopes the login asked for, offline_access included: a refresh grants at most these. */
  requestedScopes: readonly string[];
  /** The login's redirect_uri and session id, as the post-login event and the id_token name them. */
  redirectUri: string;
  sid: string;
  /** When the user entered their password: the post-login event's, at each refresh. */
  authenticatedAt: string;
  settings: RefreshTokenSettings;
}

interface Family extends RefreshGrant {
  id: string;
  absoluteExpiresAt: number | null;
  lastExchangeAt: number;
  newest: string;
  previous?: { token: string; rotatedAt: number };
  /** Every token the family has issued, oldest first (bounded), for reuse detection. */
  tokens: string[];
}

/** Why a token is refused: each is Auth0's one answer, "Unknown or invalid refresh token.". */
export type Refusal = 'unknown' | 'expired' | 'reused';

export type Exchange =
  | { ok: true; grant: RefreshGrant; /** Rotating only: the token to return. */ refreshToken?: string }
  | { ok: false; refusal: Refusal; grant?: RefreshGrant };

export type Revocation = 'revoked' | 'unknown' | 'other-client';

const MAX_FAMILIES = 2000;
/** Older tokens than these are forgotten: exchanging one is then "unknown", never a reuse. */
const MAX_TOKENS_PER_FAMILY = 100;

export class RefreshTokenStore {
  private readonly families = new Map<string, Family>();
  private readonly byToken = new Map<string, string>();

  /** The first token of a new family. */
  issue(grant: RefreshGrant, now: number): string {
    while (this.families.size >= MAX_FAMILIES) {
      const oldest = this.families.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    const { settings } = grant;
    const expiring = settings.expirationType === 'expiring';
    const token = randomId(32);
    const family: Family = {
      ...grant,
      id: randomId(12),
      absoluteExpiresAt:
        expiring && !settings.infiniteTokenLifetime ? now + settings.tokenLifetimeSeconds * 1000 : null,
      lastExchangeAt: now,
      newest: token,
      tokens: [token],
    };
    this.families.set(family.id, family);
    this.byToken.set(token, family.id);
    return token;
  }

  /** Applies the rules above to one exchange by `clientId`. */
  exchange(token: string, clientId: string, now: number): Exchange {
    const family = this.familyOf(token);
    // Another client's token is as unknown to this one as a made-up string.
    if (!family || family.clientId !== clientId) return { ok: false, refusal: 'unknown' };
    if (this.expired(family, now)) {
      this.drop(family.id);
      return { ok: false, refusal: 'expired', grant: family };
    }
    if (family.settings.rotationType === 'non-rotating') {
      family.lastExchangeAt = now;
      return { ok: true, grant: family };
    }
    const withinLeeway =
      family.previous?.token === token && now - family.previous.rotatedAt <= family.settings.leewaySeconds * 1000;
    if (token !== family.newest && !withinLeeway) {
      this.revokeGrant(family);
      return { ok: false, refusal: 'reused', grant: family };
    }
    if (token === family.newest) family.previous = { token, rotatedAt: now };
    family.lastExchangeAt = now;
    return { ok: true, grant: family, refreshToken: this.rotate(family) };
  }

  /** POST /oauth/revoke: the token's family ends; another client's token is left alone. */
  revoke(token: string, clientId: string): Revocation {
    const family = this.familyOf(token);
    if (!family) return 'unknown';
    if (family.clientId !== clientId) return 'other-client';
    this.drop(family.id);
    return 'revoked';
  }

  /** Families alive, for specs and the bound. */
  get size(): number {
    return this.families.size;
  }

  private familyOf(token: string): Family | undefined {
    const id = this.byToken.get(token);
    return id === undefined ? undefined : this.families.get(id);
  }

  private expired(family: Family, now: number): boolean {
    const { settings } = family;
    if (settings.expirationType !== 'expiring') return false;
    if (family.absoluteExpiresAt !== null && now >= family.absoluteExpiresAt) return true;
    return (
      !settings.infiniteIdleTokenLifetime && now >= family.lastExchangeAt + settings.idleTokenLifetimeSeconds * 1000
    );
  }

  private rotate(family: Family): string {
    const token = randomId(32);
    family.newest = token;
    family.tokens.push(token);
    this.byToken.set(token, family.id);
    while (family.tokens.length > MAX_TOKENS_PER_FAMILY) {
      const forgotten = family.tokens.shift();
      if (forgotten !== undefined) this.byToken.delete(forgotten);
    }
    return token;
  }

  /** Reuse detected: every family of the same user, client and API goes. */
  private revokeGrant(reused: Family): void {
    for (const family of [...this.families.values()]) {
      const sameGrant =
        family.userId === reused.userId && family.clientId === reused.clientId && family.audience === reused.audience;
      if (sameGrant) this.drop(family.id);
    }
  }

  private drop(id: string): void {
    const family = this.families.get(id);
    if (!family) return;
    for (const token of family.tokens) this.byToken.delete(token);
    this.families.delete(id);
  }
}
