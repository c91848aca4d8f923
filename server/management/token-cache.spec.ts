import { manualClock } from '../../testing/api-under-test';
import type { IssuedToken } from './client-credentials';
import { createTokenCache } from './token-cache';

describe('createTokenCache', () => {
  let clock: ReturnType<typeof manualClock>;
  let fetches: number;
  let answers: ((value: IssuedToken) => void)[];
  let failures: ((error: Error) => void)[];
  const fetchToken = () =>
    new Promise<IssuedToken>((resolve, reject) => {
      fetches += 1;
      answers.push(resolve);
      failures.push(reject);
    });
  const issue = (n: number, expiresInSeconds = 86_400) =>
    answers[n]({ accessToken: `token-${n}`, expiresInSeconds, scope: 'read:users' });

  beforeEach(() => {
    clock = manualClock(1_000_000);
    fetches = 0;
    answers = [];
    failures = [];
  });

  it('starts one fetch for any number of callers, and hands them all its token', async () => {
    const cache = createTokenCache(fetchToken, { now: clock.now });
    const waiting = Array.from({ length: 10 }, () => cache.get());
    expect(fetches).toBe(1);
    issue(0);
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: 10 }, () => 'token-0'));
    expect(await cache.get()).toBe('token-0');
    expect(fetches).toBe(1);
  });

  it('counts the lifetime from when the request left, and stops 60 s before its end', async () => {
    const cache = createTokenCache(fetchToken, { now: clock.now });
    const first = cache.get();
    clock.advance(30_000); // a slow token endpoint: those 30 s come off the reuse
    issue(0, 3600);
    await first;
    clock.advance(3_600_000 - 60_000 - 30_000 - 1);
    expect(await cache.get()).toBe('token-0');
    clock.advance(1);
    const next = cache.get();
    expect(fetches).toBe(2);
    issue(1, 3600);
    expect(await next).toBe('token-1');
  });

  it('keeps a short-lived token for half its life rather than not at all', async () => {
    const cache = createTokenCache(fetchToken, { now: clock.now });
    const first = cache.get();
    issue(0, 10);
    await first;
    clock.advance(4_999);
    expect(await cache.get()).toBe('token-0');
    clock.advance(1);
    void cache.get();
    expect(fetches).toBe(2);
  });

  it('shares a failure with the callers of that fetch only: the next get() fetches again', async () => {
    const cache = createTokenCache(fetchToken, { now: clock.now });
    const waiting = [cache.get(), cache.get()];
    failures[0](new Error('refused'));
    for (const result of await Promise.allSettled(waiting)) expect(result.status).toBe('rejected');
    const retry = cache.get();
    expect(fetches).toBe(2);
    issue(1);
    expect(await retry).toBe('token-1');
  });

  it('forgets a token only if it is still the cached one', async () => {
    const cache = createTokenCache(fetchToken, { now: clock.now });
    const first = cache.get();
    issue(0);
    await first;
    cache.invalidate('some-older-token');
    expect(await cache.get()).toBe('token-0');
    cache.invalidate('token-0');
    const next = cache.get();
    expect(fetches).toBe(2);
    issue(1);
    expect(await next).toBe('token-1');
  });
});
