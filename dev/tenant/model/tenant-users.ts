// The tenant's users as they are now: the tenant file's at start. Every route reads users through
// this class, so that changes made while the tenant runs (metadata, role assignments) reach all of
// them. The passwords are printed on the login page: this tenant never protects anything real.
import { sameSecret } from '../shared/cookies';
import type { TenantUser } from './tenant-model';

/** The password of a tenant file user that does not set one. */
export const DEFAULT_USER_PASSWORD = 'dev-password';

export class TenantUsers {
  private readonly byId = new Map<string, TenantUser>();
  /** Interactive logins since the tenant started, per user (the post-login event's logins_count). */
  private readonly logins = new Map<string, number>();

  /** The tenant file's users, as they were at start. */
  constructor(private readonly fileUsers: readonly TenantUser[]) {
    this.restore();
  }

  /** Every user as the tenant file has it again (a dev-tenant:reset). */
  restore(): void {
    this.byId.clear();
    for (const user of this.fileUsers) this.byId.set(user.userId, user);
  }

  /** In the tenant file's order. */
  all(): TenantUser[] {
    return [...this.byId.values()];
  }

  findById(userId: string): TenantUser | undefined {
    return this.byId.get(userId);
  }

  /**
   * Puts a changed copy of a user in place (metadata or roles changed through the Management API),
   * so the next login, silent authentication or /userinfo sees it. Unknown ids are ignored: the
   * set of users is the tenant file's.
   */
  replace(user: TenantUser): void {
    if (this.byId.has(user.userId)) this.byId.set(user.userId, user);
  }

  /** Counts an interactive login; returns the user's count, this one included. */
  recordLogin(userId: string): number {
    const count = this.loginsCount(userId) + 1;
    if (this.byId.has(userId)) this.logins.set(userId, count);
    return count;
  }

  loginsCount(userId: string): number {
    return this.logins.get(userId) ?? 0;
  }

  /** Emails are compared as Auth0 does: trimmed and case-insensitive. */
  findByEmail(email: string): TenantUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.all().find((user) => user.email === wanted);
  }
}

export function passwordMatches(user: TenantUser, password: string): boolean {
  return sameSecret(password, user.password);
}

/** The profile as /userinfo and the id_token present it (no roles, metadata or password). */
export function profileOf(user: TenantUser) {
  return {
    sub: user.userId,
    name: user.name,
    nickname: user.nickname,
    ...(user.givenName !== undefined ? { given_name: user.givenName } : {}),
    ...(user.familyName !== undefined ? { family_name: user.familyName } : {}),
    ...(user.picture !== undefined ? { picture: user.picture } : {}),
    email: user.email,
    email_verified: user.emailVerified,
    updated_at: user.updatedAt,
  };
}
