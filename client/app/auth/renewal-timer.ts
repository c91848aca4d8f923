// When to renew a token, and the one timer that does it for the session.
import type angular from 'angular';

/** A little before expiry: `renewBeforeSeconds` before, or at half the lifetime if that is shorter (ms). */
export function renewalDelay(lifetime: number, renewBeforeSeconds: number): number {
  const delay = Math.max(lifetime - renewBeforeSeconds * 1000, lifetime / 2, 0);
  return Math.min(delay, 2 ** 31 - 1); // setTimeout's maximum delay
}

/** One timer: scheduling again replaces it. */
export class RenewalTimer {
  private timer: angular.IPromise<unknown> | null = null;

  constructor(
    private readonly $timeout: angular.ITimeoutService,
    private readonly renewBeforeSeconds: number,
  ) {}

  /** Calls `renew` a little before `lifetime` (ms from now) is over. */
  schedule(lifetime: number, renew: () => unknown): void {
    this.cancel();
    this.timer = this.$timeout(renew, renewalDelay(lifetime, this.renewBeforeSeconds));
  }

  cancel(): void {
    this.$timeout.cancel(this.timer ?? undefined);
  }
}
