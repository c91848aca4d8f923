// The tenant's signing keys: fetched once and parsed once (one KeyObject per kid), refetched for an
// unknown kid at most once per cooldown after the last fetch, failed or not, and in the background
// once the set is older than its max age; concurrent requests share one fetch.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { JwksClient, type SigningKey } from 'jwks-rsa';
import { AuthError, printable } from './auth-errors';

/** requireAccessToken's options of the same names, defaults applied. */
export interface SigningKeysOptions {
  jwksUri: string;
  jwksCooldownMs: number;
  jwksTimeoutMs: number;
  jwksMaxAgeMs: number;
  now: () => number;
}

export interface SigningKeys {
  /** The key for kid, fetching the JWKS if the rules above allow; rejects with an AuthError. */
  get(kid: string): Promise<KeyObject>;
  /** The key set in use: a new object only when the JWKS changed. */
  current(): ReadonlyMap<string, KeyObject>;
  /** What get() does first: starts a background refresh once the set is older than its max age. */
  refreshIfStale(): void;
}

// Only until a first key set was loaded (e.g. started while the tenant is down); after that, unknown
// kids refetch at most once per cooldown, failed fetches included.
const RETRY_BEFORE_FIRST_LOAD_MS = 1_000;

export function createSigningKeys({
  jwksUri,
  jwksCooldownMs: cooldownMs,
  jwksTimeoutMs: timeoutMs,
  jwksMaxAgeMs: maxAgeMs,
  now,
}: SigningKeysOptions): SigningKeys {
  // jwks-rsa's own cache, rate limit and fetch are off: it only turns JWKs into public keys here.
  const client = new JwksClient({
    jwksUri,
    cache: false,
    rateLimit: false,
    fetcher: (uri) => fetchJwks(uri, timeoutMs),
  });
  let keys: ReadonlyMap<string, KeyObject> = new Map();
  let fetchedAt = -Infinity;
  let failedAt = -Infinity;
  let failure = '';
  let refreshing: Promise<void> | undefined;

  /** When an unknown kid may cause the next fetch. */
  function nextFetchAt(): number {
    const neverLoaded = fetchedAt === -Infinity;
    return (
      Math.max(fetchedAt, failedAt) + (neverLoaded ? Math.min(cooldownMs, RETRY_BEFORE_FIRST_LOAD_MS) : cooldownMs)
    );
  }

  function refresh(): Promise<void> {
    refreshing ??= client
      .getSigningKeys()
      .then(
        (signingKeys) => {
          keys = toKeyObjects(signingKeys, keys);
          fetchedAt = now();
        },
        (error: unknown) => {
          failedAt = now(); // keep the keys we had: an outage must not lock out valid tokens
          failure = describeFetchError(error);
        },
      )
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  }

  function refreshIfStale(): void {
    const time = now();
    if (time - fetchedAt > maxAgeMs && time - failedAt >= cooldownMs) void refresh();
  }

  async function get(kid: string): Promise<KeyObject> {
    refreshIfStale();
    const known = keys.get(kid);
    if (known) return known;
    if (refreshing) await refreshing;
    else if (now() >= nextFetchAt()) await refresh();
    const key = keys.get(kid);
    if (key) return key;
    if (failedAt > fetchedAt) {
      const waitMs = Math.max(0, nextFetchAt() - now());
      throw new AuthError(
        'jwks_unavailable',
        `The signing keys could not be fetched from ${jwksUri} (${failure}).`,
        'Check that this server can reach the tenant; retry in a moment.',
        { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) },
      );
    }
    throw new AuthError(
      'unknown_key',
      `The token's kid "${printable(kid, 60)}" is not among the signing keys at ${jwksUri}.`,
      `The token comes from another tenant (check AUTH0_DOMAIN), or from a key rotated in moments ago (retry in ${Math.ceil(cooldownMs / 1000)} s).`,
    );
  }

  return { get, current: () => keys, refreshIfStale };
}

async function fetchJwks(uri: string, timeoutMs: number): Promise<{ keys: unknown[] }> {
  const res = await fetch(uri, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json().catch(() => undefined)) as { keys?: unknown } | undefined;
  if (!body || !Array.isArray(body.keys)) throw new Error('the answer is not a JSON Web Key Set');
  return { keys: body.keys };
}

/** RS256 keys by kid; the previous KeyObjects (and set) where nothing changed, so that what was verified with them stays valid. */
function toKeyObjects(
  signingKeys: SigningKey[],
  previous: ReadonlyMap<string, KeyObject>,
): ReadonlyMap<string, KeyObject> {
  const next = new Map<string, KeyObject>();
  for (const signingKey of signingKeys) {
    const { kid, alg } = signingKey;
    if (!kid || (alg && alg !== 'RS256')) continue;
    const key = createPublicKey(signingKey.getPublicKey());
    if (key.asymmetricKeyType !== 'rsa') continue;
    const old = previous.get(kid);
    next.set(kid, old?.equals(key) ? old : key);
  }
  const unchanged = next.size === previous.size && [...next].every(([kid, key]) => previous.get(kid) === key);
  return unchanged ? previous : next;
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  if (error.name === 'TimeoutError') return 'no answer in time';
  const { cause } = error as Error & { cause?: { code?: string } };
  return printable(cause?.code ?? error.message, 80);
}
