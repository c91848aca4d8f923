// POST /oauth/revoke, from Auth0's "Revoke Refresh Tokens"
// (https://auth0.com/docs/secure/tokens/refresh-tokens/revoke-refresh-tokens) and RFC 7009, and CORS
// on the two endpoints a SPA calls with fetch: readable from the client's Allowed Web Origins only
// ("Application Settings": Allowed Web Origins).
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { INVALID_REFRESH_TOKEN, loginWithRefreshToken, refresh, revoke } from '../../../testing/code-flow';
import { shippedTenant, tenantFolder } from '../../../testing/tenant-files';
import { corsPreflight } from '../../../testing/tenant-requests';

describe('dev tenant POST /oauth/revoke and CORS on the token endpoints', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  beforeAll(async () => {
    const doc = shippedTenant();
    doc.clients.push({
      ...doc.clients[0],
      name: 'Other SPA',
      client_id: 'other-spa',
      web_origins: ['http://other.test'],
    });
    tenant = await startDevTenant({ tenantFile: folder.write(doc) });
  });
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });
  beforeEach(() => spyOn(console, 'log'));

  it('revokes a refresh token and its family, from a form or JSON, answering 200', async () => {
    for (const json of [false, true]) {
      const first = await loginWithRefreshToken(tenant, 'reader@example.com');
      const rotated = (await refresh(tenant, first.refresh_token)).body.refresh_token;
      const body = { client_id: tenant.clientId, token: String(first.refresh_token) };
      const answer = json
        ? await revoke(tenant, JSON.stringify(body), { 'Content-Type': 'application/json' })
        : await revoke(tenant, body);
      expect([answer.status, answer.text]).withContext(`json: ${json}`).toEqual([200, '']);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const after = await refresh(tenant, rotated);
      expect([after.status, after.body]).toEqual([403, INVALID_REFRESH_TOKEN]);
    }
  });

  it('answers 200 for a token it does not know (RFC 7009 2.2: nothing to revoke)', async () => {
    expect((await revoke(tenant, { client_id: tenant.clientId, token: 'never-issued' })).status).toBe(200);
  });

  it("refuses another client's token, which stays valid", async () => {
    const first = await loginWithRefreshToken(tenant, 'reader@example.com');
    const answer = await revoke(tenant, { client_id: 'other-spa', token: String(first.refresh_token) });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toEqual({
      error: 'invalid_grant',
      error_description: 'The refresh token was issued to another client.',
    });
    expect((await refresh(tenant, first.refresh_token)).status).toBe(200);
  });

  it('refuses a request without token, or from an unknown client or with a wrong secret, in JSON', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [{ client_id: tenant.clientId }, 400, 'Missing required parameter: token'],
      [{ client_id: 'nobody', token: 'x' }, 401, 'Unauthorized'],
      [{ client_id: 'local-dev-m2m', client_secret: 'wrong', token: 'x' }, 401, 'Unauthorized'],
    ];
    for (const [body, status, description] of cases) {
      const answer = await revoke(tenant, body);
      expect(answer.status).withContext(JSON.stringify(body)).toBe(status);
      expect((JSON.parse(answer.text) as { error_description: string }).error_description).toBe(description);
    }
  });

  for (const path of ['/oauth/token', '/oauth/revoke']) {
    it(`${path}: a preflight from a registered web origin allows POST with Content-Type and Auth0-Client; others get nothing`, async () => {
      const preflight = (origin: string) =>
        corsPreflight(`${tenant.url}${path}`, origin, 'POST', 'auth0-client,content-type');
      const allowed = await preflight(tenant.appOrigin);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(tenant.appOrigin);
      expect(allowed.headers.get('access-control-allow-methods')).toBe('POST');
      expect(allowed.headers.get('access-control-allow-headers')).toBe('Content-Type, Auth0-Client');
      const refused = await preflight('http://evil.test');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-headers')).toBeNull();
    });

    it(`${path}: the answer, a refusal included, is readable by the client's own web origins only`, async () => {
      const post = (origin: string, clientId = tenant.clientId) =>
        fetch(`${tenant.url}${path}`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: clientId,
            refresh_token: 'x',
            token: 'x',
          }),
        });
      const own = await post(tenant.appOrigin);
      expect(own.headers.get('access-control-allow-origin')).toBe(tenant.appOrigin);
      expect(own.headers.get('vary')).toMatch(/Origin/);
      // Another client's web origin, and a page of no client at all.
      expect((await post('http://other.test')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await post('http://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await post('http://other.test', 'other-spa')).headers.get('access-control-allow-origin')).toBe(
        'http://other.test',
      );
    });
  }
});
