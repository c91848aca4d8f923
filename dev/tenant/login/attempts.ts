// Brute-force protection as Auth0's: after 10 failed logins for one account, that account is
// blocked, even for the right password. Auth0 keeps it blocked until the user follows the link
// it emails or an admin unblocks it; the dev tenant has no mail, so the block ends by itself.
// Only existing accounts are counted, so memory is bounded by the number of users.
import { ExpiringStore } from '../stores/expiring-store';

export interface LockoutPolicy {
  /** Consecutive failures that block the account (Auth0's default: 10). */
  maxFailures: number;
  /** How long the block lasts here. */
  durationMs: number;
}

const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 10, durationMs: 15 * 60 * 1000 };

interface Attempts {
  failures: number;
  lockedUntil?: number;
}

export class LoginAttempts {
  private readonly byAccount: ExpiringStore<Attempts>;

  constructor(
    readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
    maxAccounts = 10_000,
  ) {
    // A count nobody added to for a whole lockout period is forgotten.
    this.byAccount = new ExpiringStore<Attempts>(policy.durationMs, maxAccounts, now);
  }

  /** Seconds until the account may try again, or 0 when it is not blocked. */
  blockedForSeconds(accountId: string): number {
    const attempts = this.byAccount.get(accountId);
    if (attempts?.lockedUntil === undefined) return 0;
    const left = attempts.lockedUntil - this.now();
    if (left > 0) return Math.ceil(left / 1000);
    this.byAccount.delete(accountId); // the block is over: a fresh count
    return 0;
  }

  /** Counts a wrong password; returns the seconds of the block it started, or 0. */
  recordFailure(accountId: string): number {
    const attempts = this.byAccount.get(accountId) ?? { failures: 0 };
    attempts.failures += 1;
    if (attempts.failures >= this.policy.maxFailures) attempts.lockedUntil = this.now() + this.policy.durationMs;
    this.byAccount.set(accountId, attempts);
    return this.blockedForSeconds(accountId);
  }

  recordSuccess(accountId: string): void {
    this.byAccount.delete(accountId);
  }
}
