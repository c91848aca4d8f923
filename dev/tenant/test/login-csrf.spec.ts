// Login CSRF: a page on another site that started a login itself must not be able to finish it in
// a victim's browser (the victim would be logged in as the attacker's user, silently from then on).
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { authorizeUrl, get, postLogin, startLogin } from '../../../testing/tenant-requests';

describe('dev tenant login CSRF protection', () => {
  let tenant: RunningDevTenant;
  const admin = { username: 'admin@example.com', password: 'dev-password' };

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  async function expectRefused(response: Response, text: string): Promise<void> {
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.getSetCookie().some((c) => c.startsWith('dev_tenant_session='))).toBeFalse();
    const html = await response.text();
    expect(html).toContain('id="error-code"');
    expect(html).toContain(text);
  }

  it('binds the login to a short-lived, HttpOnly, SameSite, path-limited cookie set by /authorize', async () => {
    const response = await get(authorizeUrl(tenant));
    const tx = new URL(response.headers.get('location') ?? '', tenant.url).searchParams.get('tx');
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBe(1);
    expect(cookies[0]).toMatch(
      new RegExp(`^dev_tenant_login_${tx}=[\\w-]{32}; Path=/login; HttpOnly; SameSite=Strict; Max-Age=600$`),
    );
  });

  it("refuses a post without the browser's login cookie: the attacker's tx in the victim's browser", async () => {
    const attackersTx = await startLogin(tenant); // started by the attacker's server, cookie kept there
    const victim = await postLogin(tenant, { tx: attackersTx, ...admin }, { cookie: '' });
    await expectRefused(victim, 'not started in this browser');
    // Nothing was logged in: the next silent login finds no session.
    const silent = await get(authorizeUrl(tenant, { prompt: 'none' }));
    expect(silent.headers.get('location')).toContain('#error=login_required');
  });

  it("refuses another login's cookie, or a guessed value", async () => {
    const tx = await startLogin(tenant);
    await expectRefused(
      await postLogin(tenant, { tx, ...admin }, { cookie: `dev_tenant_login_${tx}=${'a'.repeat(32)}` }),
      'not started in this browser',
    );
    const other = await startLogin(tenant);
    const othersCookie = await postLogin(tenant, { tx, ...admin }, { cookie: `dev_tenant_login_${tx}=x` });
    await expectRefused(othersCookie, 'not started in this browser');
    expect((await postLogin(tenant, { tx: other, ...admin })).status).toBe(302);
  });

  it('refuses a cross-site post even with the cookie, with a clear page', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'http://evil.test' },
      { origin: 'null' },
      { origin: tenant.appOrigin, 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of cases) {
      const tx = await startLogin(tenant);
      const response = await postLogin(tenant, { tx, ...admin }, { headers });
      await expectRefused(response, 'not from the dev tenant&#39;s own login page');
    }
  });

  it("accepts the post from the tenant's own page, and clears the login cookie", async () => {
    const tx = await startLogin(tenant);
    // Under `no-referrer`, browsers would send this post with `Origin: null`, refused above.
    const page = await get(`${tenant.url}/login?tx=${tx}`);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    const response = await postLogin(
      tenant,
      { tx, ...admin },
      { headers: { origin: tenant.url, 'sec-fetch-site': 'same-origin' } },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('#access_token=');
    expect(response.headers.getSetCookie()).toContain(
      `dev_tenant_login_${tx}=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0`,
    );
  });
});
