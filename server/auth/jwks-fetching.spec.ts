// How the access-token check uses the tenant's JWKS: once for a stable key set, at most once per
// cooldown under a flood of unknown kids, rotation, and an endpoint that is down or answers garbage.
// Time is a manual clock (the check's `now` option): the specs move it instead of waiting.
import express from 'express';
import { manualClock, startApiUnderTest, type ApiUnderTest } from '../../testing/api-under-test';
import { listen, type Listening } from '../../testing/listen';
import { makeTestKey } from '../../testing/test-keys';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('JWKS fetching', () => {
  let t: ApiUnderTest | undefined;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(() => {
    clock = manualClock();
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const statusOf = async (bearer: string) => (await t!.call('/api/private', { bearer })).status;
  const randomKid = () => `kid-${Math.random().toString(36).slice(2)}`;

  it('fetches once for a stable key set, shared by concurrent first requests', async () => {
    t = await startApiUnderTest({ now: clock.now });
    const first = await Promise.all(Array.from({ length: 20 }, () => statusOf(t!.token())));
    expect(first.every((status) => status === 200)).toBeTrue();
    for (let i = 0; i < 20; i++) expect(await statusOf(t.token({ claims: { sub: `user-${i}` } }))).toBe(200);
    expect(t.jwks.fetches).toBe(1);
  });

  it('fetches at most once per cooldown for a flood of unknown kids, and never answers 500', async () => {
    t = await startApiUnderTest({ now: clock.now, jwksCooldownMs: MINUTE });
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        t!.call('/api/private', { bearer: t!.token({ header: { kid: randomKid() } }) }),
      ),
    );
    expect(new Set(answers.map((answer) => `${answer.status} ${answer.body.code}`))).toEqual(
      new Set(['401 unknown_key']),
    );
    expect(t.jwks.fetches).toBe(1);
    expect(await statusOf(t.token())).toBe(200); // the real key still works, from the same fetch
    expect(t.jwks.fetches).toBe(1);
  });

  it('sends no JWKS request for a token its claims refuse, with no key set loaded or a stale one', async () => {
    t = await startApiUnderTest({ now: clock.now });
    // fetch() is called before the refused request is answered, so counting calls leaves no race.
    const fetches = spyOn(globalThis, 'fetch').and.callThrough();
    const jwksRequests = () => fetches.calls.allArgs().filter(([input]) => input === t!.jwks.jwksUri).length;
    const sendRefused = async () => {
      const expired = Math.floor(clock.now() / 1000) - 60;
      for (const claims of [{ iss: 'https://other-tenant/' }, { nonce: 'n-1' }, { exp: expired }]) {
        expect(await statusOf(t!.token({ claims }))).toBe(401);
      }
    };
    await sendRefused();
    expect(jwksRequests()).toBe(0);
    expect(await statusOf(t.token())).toBe(200);
    clock.advance(10 * MINUTE + 1); // older than its max age
    await sendRefused();
    expect(jwksRequests()).toBe(1);
  });

  it('accepts a rotated-in key once the cooldown after the last fetch has passed, and drops removed keys', async () => {
    const next = await makeTestKey('key-2');
    t = await startApiUnderTest({ now: clock.now, jwksCooldownMs: 30 * SECOND });
    const oldToken = t.token();
    expect(await statusOf(oldToken)).toBe(200);
    expect(await statusOf(oldToken)).toBe(200); // verified again on a loaded key set: now remembered
    t.jwks.keys = [t.key.publicJwk, next.publicJwk];
    const newToken = t.token({ key: next });

    clock.advance(30 * SECOND - 1);
    expect(await statusOf(newToken)).toBe(401); // within the cooldown of the first fetch
    expect(t.jwks.fetches).toBe(1);
    clock.advance(1);
    expect(await statusOf(newToken)).toBe(200);
    expect(t.jwks.fetches).toBe(2);

    t.jwks.keys = [next.publicJwk]; // key-1 revoked
    clock.advance(30 * SECOND);
    expect(await statusOf(t.token({ header: { kid: randomKid() } }))).toBe(401); // makes the API refetch
    expect(t.jwks.fetches).toBe(3);
    const answer = await t.call('/api/private', { bearer: oldToken }); // remembered before: must not pass now
    expect(answer.body.code).toBe('unknown_key');
    expect(await statusOf(newToken)).toBe(200);
  });

  for (const behaviour of ['down', 'garbage', 'error'] as const) {
    it(`answers 503 jwks_unavailable with Retry-After while the JWKS is ${behaviour}, then recovers`, async () => {
      t = await startApiUnderTest({ now: clock.now });
      if (behaviour === 'down') await t.jwks.stop();
      else t.jwks.behaviour = behaviour;

      const answer = await t.call('/api/private', { bearer: t.token() });
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual(
        jasmine.objectContaining({ code: 'jwks_unavailable', error: 'temporarily_unavailable' }),
      );
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

      if (behaviour === 'down') await t.jwks.start();
      else t.jwks.behaviour = 'keys';
      expect(await statusOf(t.token())).toBe(503); // no key set loaded yet: retried after 1 s, not sooner
      clock.advance(1 * SECOND);
      expect(await statusOf(t.token())).toBe(200);
      expect(t.jwks.fetches).toBe(behaviour === 'down' ? 1 : 2);
    });
  }

  it('keeps accepting known keys while the JWKS is down', async () => {
    t = await startApiUnderTest({ now: clock.now });
    expect(await statusOf(t.token())).toBe(200);
    await t.jwks.stop();
    clock.advance(30 * SECOND);
    expect((await t.call('/api/private', { bearer: t.token({ header: { kid: randomKid() } }) })).status).toBe(503);
    expect(await statusOf(t.token({ claims: { sub: 'someone-else' } }))).toBe(200);
  });

  it('refetches at most once per cooldown for unknown kids while the JWKS is failing, not every second', async () => {
    // A key set older than its max age makes the next request refresh it in the background: here that
    // refresh is the one that fails, long before the (long) cooldown after the first load has passed.
    t = await startApiUnderTest({ now: clock.now, jwksCooldownMs: MINUTE, jwksMaxAgeMs: 10 * MINUTE });
    expect(await statusOf(t.token())).toBe(200);
    t.jwks.behaviour = 'throttled'; // the tenant answers 429
    clock.advance(10 * MINUTE + 1);
    expect(await statusOf(t.token({ claims: { sub: 'starts-the-refresh' } }))).toBe(200); // known key: still accepted
    const flood = () =>
      Promise.all(
        Array.from({ length: 50 }, () =>
          t!.call('/api/private', { bearer: t!.token({ header: { kid: randomKid() } }) }),
        ),
      );
    const answers = await flood();
    expect(t.jwks.fetches).toBe(2);
    clock.advance(1_100); // longer than the short retry used before any key set was loaded
    answers.push(...(await flood()));
    expect(new Set(answers.map((answer) => `${answer.status} ${answer.body.code}`))).toEqual(
      new Set(['503 jwks_unavailable']),
    );
    expect(answers.every((answer) => Number(answer.headers.get('retry-after')) > 50)).toBeTrue(); // the rest of the cooldown
    expect(await statusOf(t.token({ claims: { sub: 'someone-else' } }))).toBe(200);
    expect(t.jwks.fetches).toBe(2);
  });

  it('stops accepting a key removed from the JWKS once the stale key set was refreshed, remembered tokens included', async () => {
    const next = await makeTestKey('key-2');
    t = await startApiUnderTest({ now: clock.now, jwksCooldownMs: MINUTE, jwksMaxAgeMs: 10 * MINUTE });
    t.jwks.keys = [t.key.publicJwk, next.publicJwk];
    const remembered = t.token();
    expect(await statusOf(remembered)).toBe(200);
    expect(await statusOf(remembered)).toBe(200); // verified again on a loaded key set: now remembered
    expect(await statusOf(remembered)).toBe(200); // from the remembered claims
    t.jwks.keys = [next.publicJwk]; // key-1 revoked
    clock.advance(10 * MINUTE + 1); // the key set is now older than its max age
    expect(t.jwks.fetches).toBe(1);

    // Only remembered tokens come in: the first one after the max age starts the refresh...
    expect(await statusOf(remembered)).toBe(200);
    await t.jwks.fetched(2);
    // ...which an unknown kid waits for, so once this answer is in, the new key set has landed.
    expect((await t.call('/api/private', { bearer: t.token({ header: { kid: randomKid() } }) })).body.code).toBe(
      'unknown_key',
    );
    expect((await t.call('/api/private', { bearer: remembered })).body.code).toBe('unknown_key');
    expect((await t.call('/api/private', { bearer: t.token({ claims: { sub: 'not-remembered' } }) })).body.code).toBe(
      'unknown_key',
    );
    expect(await statusOf(t.token({ key: next }))).toBe(200);
    expect(t.jwks.fetches).toBe(2);
  });

  describe('with a JWKS endpoint that never answers', () => {
    let silent: Listening;
    beforeAll(async () => {
      const app = express();
      app.get('/.well-known/jwks.json', () => undefined); // holds the request open
      silent = await listen(app);
    });
    afterAll(() => silent.close());

    it('gives up after the timeout with 503', async () => {
      t = await startApiUnderTest({ jwksUri: `${silent.url}/.well-known/jwks.json`, jwksTimeoutMs: 200 });
      const answer = await t.call('/api/private', { bearer: t.token() });
      expect(answer.status).toBe(503);
      expect(answer.body.error_description).toContain('no answer in time');
    });
  });
});
