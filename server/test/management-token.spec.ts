// The API's own Management API token, through the real API: one fetch however many requests
// arrive, reuse until 60 s before expiry (an injected clock, no waiting), one refetch after a 401.
import { manualClock } from '../../testing/api-under-test';
import { M2M, startManagementTenant, type ManagementTenant } from '../../testing/management-tenant';
import { startUsersProxy, type UsersProxyUnderTest } from '../../testing/users-proxy-under-test';

const AUDIENCE = 'https://quickstarts/api';

describe("the API's Management API token", () => {
  let tenant: ManagementTenant;
  let proxy: UsersProxyUnderTest;
  let admin: string;
  let clock: ReturnType<typeof manualClock>;

  beforeEach(async () => {
    tenant = await startManagementTenant();
    clock = manualClock();
    proxy = await startUsersProxy({
      issuer: tenant.issuer,
      audience: AUDIENCE,
      m2m: M2M,
      managementNow: clock.now,
      secrets: () => tenant.issued,
    });
    admin = tenant.userToken(AUDIENCE);
  });
  afterEach(async () => {
    await proxy.close();
    await tenant.close();
  });

  const listUsers = async () => {
    const answer = await proxy.call('GET', '/api/users', { bearer: admin });
    expect(answer.status).withContext(answer.text).toBe(200);
  };
  /** Lets every request the API has received run until it waits on something outside the process. */
  const settle = async () => {
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  };

  it('is fetched once for 20 parallel requests: the others wait for the fetch in flight', async () => {
    await proxy.call('GET', '/api/private', { bearer: admin }); // the users' JWKS, fetched beforehand
    const release = tenant.holdTokens();
    const requests = Array.from({ length: 20 }, () => listUsers());
    await proxy.received(21);
    await tenant.tokenRequested(1);
    await settle(); // all 20 now wait on the token: without single flight, each would have asked
    release();
    await Promise.all(requests);
    expect(tenant.tokenRequests).toBe(1);
    expect(tenant.calls.filter((call) => call === 'GET /api/v2/users')).toHaveSize(20);
  });

  it('is reused across requests until 60 s before it expires, then fetched again', async () => {
    tenant.expiresIn = 3600;
    await listUsers();
    clock.advance(3_540_000 - 1); // 1 ms before the renewal point
    await listUsers();
    expect(tenant.tokenRequests).toBe(1);
    clock.advance(1);
    await listUsers();
    await listUsers();
    expect(tenant.tokenRequests).toBe(2);
  });

  it('is fetched again, once, when the Management API answers 401 (revoked), and kept from then on', async () => {
    await listUsers();
    tenant.revokeIssuedTokens();
    await Promise.all(Array.from({ length: 5 }, () => listUsers()));
    expect(tenant.tokenRequests).toBe(2);
    await listUsers();
    expect(tenant.tokenRequests).toBe(2);
  });

  it('gives up after one refetch when the Management API refuses a fresh token too (no loop)', async () => {
    tenant.behaviour = 'bad_audience';
    const answer = await proxy.call('GET', '/api/users', { bearer: admin });
    expect(answer.status).toBe(502);
    expect(answer.body.code).toBe('management_api_error');
    expect(answer.body.error_description).toMatch(/with 401 Unauthorized: "Bad audience: /);
    expect(answer.body.hint).toContain("AUTH0_DOMAIN must be the tenant's Auth0 domain");
    expect(tenant.tokenRequests).toBe(2);
    expect(tenant.calls).toEqual(['GET /api/v2/users', 'GET /api/v2/users']);
  });

  it('repeats a role change refused with 401 once, with the new token (a 401 changed nothing)', async () => {
    await listUsers();
    tenant.revokeIssuedTokens();
    tenant.calls.length = 0;
    const answer = await proxy.call('POST', '/api/users/auth0%7Cdev-guest-0003/roles', {
      bearer: admin,
      body: { roles: ['reader'] },
    });
    expect(answer.body).toEqual({ id: 'auth0|dev-guest-0003', roles: ['reader'] });
    expect(tenant.calls).toEqual([
      'GET /api/v2/roles',
      'GET /api/v2/roles',
      'POST /api/v2/users/auth0%7Cdev-guest-0003/roles',
      'GET /api/v2/users/auth0%7Cdev-guest-0003/roles',
    ]);
    expect(tenant.tokenRequests).toBe(2);
  });

  it('is not kept when its fetch fails: the next request asks again', async () => {
    tenant.tokenEndpoint = 'no_grant';
    expect((await proxy.call('GET', '/api/users', { bearer: admin })).status).toBe(502);
    tenant.tokenEndpoint = 'issue';
    await listUsers();
    expect(tenant.tokenRequests).toBe(2);
  });
});
