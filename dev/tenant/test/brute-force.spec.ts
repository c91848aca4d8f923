// Brute-force protection as Auth0's: 10 failed logins block the account, even for the right
// password; here the block ends by itself (a short one in these specs).
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { postLogin, startLogin } from '../../../testing/tenant-requests';
import { getTokensForUser } from '../../tenant-client/log-in';

describe('dev tenant brute-force protection', () => {
  let tenant: RunningDevTenant;
  const lockout = { maxFailures: 10, durationMs: 1500 };

  beforeAll(async () => {
    tenant = await startDevTenant({ lockout });
  });
  afterAll(() => tenant.close());

  async function attempt(username: string, password: string): Promise<Response> {
    return postLogin(tenant, { tx: await startLogin(tenant), username, password });
  }

  async function fail(username: string, times: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) statuses.push((await attempt(username, 'wrong')).status);
    return statuses;
  }

  it('blocks an account after 10 failures, even for the right password, with Retry-After and a message', async () => {
    expect(await fail('reader@example.com', 9)).toEqual(Array<number>(9).fill(401));
    const tenth = await attempt('reader@example.com', 'wrong');
    expect(tenth.status).toBe(429);

    const right = await attempt('reader@example.com', 'dev-password');
    expect(right.status).toBe(429);
    expect(right.headers.get('location')).toBeNull();
    expect(right.headers.getSetCookie().some((c) => c.startsWith('dev_tenant_session='))).toBeFalse();
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await right.text();
    expect(html).toMatch(/id="login-error" data-error="too_many_attempts" role="alert">Your account has been blocked/);
    expect(html).toContain('unblocks it by itself');

    // Another account is not affected; and the token command says why it gets nothing.
    expect((await attempt('guest@example.com', 'dev-password')).status).toBe(302);
    await expectAsync(
      getTokensForUser(tenant.url, {
        username: 'reader@example.com',
        password: 'dev-password',
        redirectUri: `${tenant.appOrigin}/callback`,
      }),
    ).toBeRejectedWith(jasmine.objectContaining({ error: 'too_many_attempts' }));

    // The block ends by itself.
    await new Promise((done) => setTimeout(done, lockout.durationMs + 100));
    expect((await attempt('reader@example.com', 'dev-password')).status).toBe(302);
  }, 15_000);

  it('starts counting again after a successful login', async () => {
    expect(await fail('admin@example.com', 9)).toEqual(Array<number>(9).fill(401));
    expect((await attempt('admin@example.com', 'dev-password')).status).toBe(302);
    expect(await fail('admin@example.com', 9)).toEqual(Array<number>(9).fill(401));
    expect((await attempt('admin@example.com', 'wrong')).status).toBe(429);
  }, 15_000);

  it('never blocks an email that is no account (nothing is kept for it)', async () => {
    expect(await fail('nobody@example.com', 12)).toEqual(Array<number>(12).fill(401));
  }, 15_000);
});
