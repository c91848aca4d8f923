import { authorizeUrl, get, logIn } from '../../../testing/tenant-requests';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

describe('dev tenant /v2/logout', () => {
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  const logoutUrl = (params: Record<string, string>) =>
    `${tenant.url}/v2/logout?${new URLSearchParams(params).toString()}`;

  it('ends the session and redirects to an allowed logout URL', async () => {
    const { cookie } = await logIn(tenant, 'admin@example.com');
    const silent = authorizeUrl(tenant, { prompt: 'none' });
    expect((await get(silent, cookie)).headers.get('location')).toContain('#access_token=');

    const response = await get(logoutUrl({ client_id: tenant.clientId, returnTo: tenant.appOrigin }), cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(tenant.appOrigin);
    expect(response.headers.getSetCookie()).toEqual([
      'dev_tenant_session=; Path=/; HttpOnly; SameSite=None; Secure; Max-Age=0',
      'dev_tenant_session_compat=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
    ]);
    // The old cookie is dead even if the browser kept it.
    expect((await get(silent, cookie)).headers.get('location')).toContain('#error=login_required');
  });

  it('refuses a returnTo that is not an allowed logout URL, or an unknown client, with an error page', async () => {
    const cases: Record<string, string>[] = [
      { client_id: tenant.clientId, returnTo: 'https://evil.test/' },
      { client_id: tenant.clientId, returnTo: `${tenant.appOrigin}/callback` },
      { client_id: 'someone-else', returnTo: tenant.appOrigin },
      { returnTo: tenant.appOrigin },
    ];
    for (const params of cases) {
      const response = await get(logoutUrl(params));
      expect(response.status).withContext(JSON.stringify(params)).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('id="error-code"');
    }
  });

  it('ends the session even when it refuses the redirect', async () => {
    const { cookie } = await logIn(tenant, 'reader@example.com');
    await get(logoutUrl({ client_id: tenant.clientId, returnTo: 'https://evil.test/' }), cookie);
    expect((await get(authorizeUrl(tenant, { prompt: 'none' }), cookie)).headers.get('location')).toContain(
      '#error=login_required',
    );
  });

  it('shows a logged-out page without returnTo', async () => {
    const response = await get(logoutUrl({ client_id: tenant.clientId }));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('logged out');
  });
});
