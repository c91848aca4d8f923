// The API against the real embedded dev tenant: the tokens its demo users get, per route.
import { startDevTenant, type RunningDevTenant } from '../../testing/dev-tenant';
import { getTokensForUser, type DevTenantTokens } from '../../dev/tenant-client/log-in';
import { createApp } from '../app';
import { requireAccessToken } from '../auth';
import { listen, type Listening } from '../../testing/listen';

const AUDIENCE = 'https://quickstarts/api';

describe('the API with tokens from the dev tenant', () => {
  let tenant: RunningDevTenant;
  let api: Listening;
  const tokens: Record<string, DevTenantTokens> = {};

  const login = (username: string, extra: { audience?: string; scope?: string } = { audience: AUDIENCE }) =>
    getTokensForUser(tenant.url, {
      username,
      password: 'dev-password',
      redirectUri: `${tenant.appOrigin}/callback`,
      ...extra,
    });

  beforeAll(async () => {
    tenant = await startDevTenant();
    const checkAccessToken = requireAccessToken({ issuer: tenant.issuer, audience: AUDIENCE });
    api = await listen(createApp({ checkAccessToken, corsOrigins: [tenant.appOrigin] }));
    for (const user of ['admin', 'reader', 'guest']) tokens[user] = await login(`${user}@example.com`);
  });

  afterAll(async () => {
    await api?.close();
    await tenant?.close();
  });

  async function call(method: string, path: string, bearer: string): Promise<{ status: number; code?: string }> {
    const response = await fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${bearer}` } });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code };
  }

  const expected: Record<string, [string, string, number][]> = {
    admin: [
      ['GET', '/api/public', 200],
      ['GET', '/api/private', 200],
      ['GET', '/api/private-scoped', 200],
      ['POST', '/api/admin', 200],
    ],
    reader: [
      ['GET', '/api/public', 200],
      ['GET', '/api/private', 200],
      ['GET', '/api/private-scoped', 200],
      ['POST', '/api/admin', 403],
    ],
    guest: [
      ['GET', '/api/public', 200],
      ['GET', '/api/private', 200],
      ['GET', '/api/private-scoped', 403],
      ['POST', '/api/admin', 403],
    ],
  };
  for (const [user, routes] of Object.entries(expected)) {
    it(`answers ${user}@example.com per route: ${routes.map(([, path, status]) => `${path} ${status}`).join(', ')}`, async () => {
      for (const [method, path, status] of routes) {
        const answer = await call(method, path, tokens[user].accessToken);
        expect(answer.status).withContext(`${method} ${path}`).toBe(status);
        if (status === 403) expect(answer.code).toBe('insufficient_scope');
      }
    });
  }

  it('answers 401 missing_token without a token', async () => {
    const response = await fetch(`${api.url}/api/private`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code?: string }).code).toBe('missing_token');
  });

  it("names the tenant's id_token sent instead of the access token", async () => {
    expect(await call('GET', '/api/private', tokens.admin.idToken)).toEqual({
      status: 401,
      code: 'id_token_not_access_token',
    });
  });

  it('names the opaque token the tenant issues when no audience was requested', async () => {
    const { accessToken } = await login('reader@example.com', { scope: 'openid profile' });
    expect(await call('GET', '/api/private', accessToken)).toEqual({ status: 401, code: 'opaque_token' });
  });
});
