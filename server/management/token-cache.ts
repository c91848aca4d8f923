// The API's Management API token: fetched once, shared by every request until shortly before it
// expires, with at most one fetch in flight. Auth0 counts machine-to-machine tokens against a
// monthly quota, and each one costs a round trip: a token per request would spend both for nothing.
import type { IssuedToken } from './client-credentials';

export interface TokenCacheOptions {
  /** Milliseconds since 1970; tests pass their own clock to move past expiry without waiting. */
  now?: () => number;
  /**
   * How long before expiry a token stops being handed out. Default 60 s: longer than one proxy
   * operation can take (a users page is up to 1 + 50 calls with a 5 s limit each, run 5 at a
   * time), so no call starts with a token that expires on its way; capped at half the lifetime,
   * so a short-lived token is still reused.
   */
  marginMs?: number;
}

export interface TokenCache {
  /** A token that is valid for at least the margin: the cached one, or the one fetch in flight. */
  get(): Promise<string>;
  /** Forgets `token` if it is still the cached one (the Management API refused it), so the next get() fetches. */
  invalidate(token: string): void;
}

export function createTokenCache(
  fetchToken: () => Promise<IssuedToken>,
  { now = Date.now, marginMs = 60_000 }: TokenCacheOptions = {},
): TokenCache {
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchAndKeep(): Promise<string> {
    // Expiry is counted from when the request left, on this machine's clock: expires_in is relative,
    // so the tenant's clock does not matter, and the time on the wire only shortens the reuse.
    const requestedAt = now();
    const issued = await fetchToken();
    const lifetimeMs = issued.expiresInSeconds * 1000;
    cached = { token: issued.accessToken, renewAt: requestedAt + lifetimeMs - Math.min(marginMs, lifetimeMs / 2) };
    return issued.accessToken;
  }

  return {
    get() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      if (!inFlight) {
        // Every caller until it settles shares this promise: one fetch, whatever the concurrency.
        // A failure is not kept: the next request tries again.
        const fetching = fetchAndKeep();
        const settle = () => {
          if (inFlight === fetching) inFlight = undefined;
        };
        void fetching.then(settle, settle);
        inFlight = fetching;
      }
      return inFlight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
