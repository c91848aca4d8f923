// The users routes of an API with no machine-to-machine client (a real tenant, no AUTH0_M2M_*): they
// answer 503 with a hint, and nothing else changes.
import { startManagementTenant, type ManagementTenant } from '../../testing/management-tenant';
import { startUsersProxy, type UsersProxyUnderTest } from '../../testing/users-proxy-under-test';

const AUDIENCE = 'https://quickstarts/api';

describe('the users routes without AUTH0_M2M_* (a real tenant without an M2M application)', () => {
  let tenant: ManagementTenant;
  let proxy: UsersProxyUnderTest;

  beforeAll(async () => {
    tenant = await startManagementTenant();
    proxy = await startUsersProxy({ issuer: tenant.issuer, audience: AUDIENCE, m2m: undefined });
  });
  afterAll(async () => {
    await proxy.close();
    await tenant.close();
  });

  it('answer 503 management_api_not_configured with a hint, to an authorised caller', async () => {
    const bearer = tenant.userToken(AUDIENCE);
    for (const [method, body] of [['GET'], ['POST', { roles: ['admin'] }], ['DELETE', { roles: ['admin'] }]] as const) {
      const answer = await proxy.call(method, method === 'GET' ? '/api/users' : '/api/users/auth0%7Cx/roles', {
        bearer,
        body,
      });
      expect(answer.status).withContext(method).toBe(503);
      expect(answer.body).toEqual({
        error: 'service_unavailable',
        error_description: 'The API has no Management API client, so it cannot read or change users.',
        code: 'management_api_not_configured',
        hint: jasmine.stringContaining('Set AUTH0_M2M_CLIENT_ID and AUTH0_M2M_CLIENT_SECRET'),
      });
    }
    expect(tenant.tokenRequests).toBe(0);
  });

  it('while every other route works as before', async () => {
    const bearer = tenant.userToken(AUDIENCE, { scope: 'read:messages' });
    expect((await proxy.call('GET', '/api/public')).status).toBe(200);
    expect((await proxy.call('GET', '/api/private-scoped', { bearer })).status).toBe(200);
    expect((await proxy.call('GET', '/api/users', { bearer })).status)
      .withContext('scope first')
      .toBe(403);
  });
});
