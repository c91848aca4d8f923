// The users routes through the real API on a free port, in front of the controllable tenant: the
// happy path (shared with the dev tenant), input validation, and the API without an M2M client.
import { M2M, startManagementTenant, type ManagementTenant } from '../../testing/management-tenant';
import { startUsersProxy, type UsersProxyUnderTest } from '../../testing/users-proxy-under-test';
import { describeUsersProxyContract } from './users-proxy-contract';

const AUDIENCE = 'https://quickstarts/api';

describeUsersProxyContract('a controllable tenant', async () => {
  const tenant = await startManagementTenant();
  return {
    issuer: tenant.issuer,
    audience: AUDIENCE,
    m2m: M2M,
    tokenFor: (email) =>
      Promise.resolve(
        tenant.userToken(AUDIENCE, {
          scope: email.startsWith('admin@') ? 'openid manage:users' : 'openid read:messages',
        }),
      ),
    secrets: () => tenant.issued,
    close: () => tenant.close(),
  };
});

describe('the users routes', () => {
  let tenant: ManagementTenant;
  let proxy: UsersProxyUnderTest;
  let admin: string;

  beforeAll(async () => {
    tenant = await startManagementTenant();
    proxy = await startUsersProxy({
      issuer: tenant.issuer,
      audience: AUDIENCE,
      m2m: M2M,
      secrets: () => tenant.issued,
    });
    admin = tenant.userToken(AUDIENCE);
  });
  afterAll(async () => {
    await proxy.close();
    await tenant.close();
  });
  beforeEach(() => (tenant.calls.length = 0));

  const change = (id: string, body: unknown, method = 'POST') =>
    proxy.call(method, `/api/users/${encodeURIComponent(id)}/roles`, { bearer: admin, body });

  it('needs a token (401) before anything reaches the tenant', async () => {
    const tokenRequests = tenant.tokenRequests;
    expect((await proxy.call('GET', '/api/users')).status).toBe(401);
    expect((await proxy.call('DELETE', '/api/users/auth0%7Cx/roles', { body: { roles: ['admin'] } })).status).toBe(401);
    expect(tenant.calls).toEqual([]);
    expect(tenant.tokenRequests).toBe(tokenRequests);
  });

  it('refuses ids that are not Auth0 user ids with 400 invalid_user_id, without calling the tenant', async () => {
    for (const id of ['admin', '|x', 'auth0|', 'auth0|a b', `auth0|${'x'.repeat(257)}`, 'au th0|x', 'auth0|é']) {
      const answer = await change(id, { roles: ['admin'] });
      expect(answer.status).withContext(id).toBe(400);
      expect(answer.body.code).withContext(id).toBe('invalid_user_id');
    }
    const malformed = await proxy.call('POST', '/api/users/auth0%7C%E0%A4%A/roles', {
      bearer: admin,
      body: { roles: ['admin'] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('invalid_user_id');
    expect(tenant.calls).toEqual([]);
  });

  it('refuses a body that is not { roles: [1 to 10 names] } with 400 invalid_roles', async () => {
    const tooMany = Array.from({ length: 11 }, (_, i) => `role-${i}`);
    for (const body of [
      undefined,
      [],
      { roles: [] },
      { roles: 'admin' },
      { roles: [1] },
      { roles: [' admin'] },
      { roles: tooMany },
      { roles: ['admin'], extra: 1 },
    ]) {
      const answer = await change('auth0|dev-guest-0003', body);
      expect(answer.status).withContext(JSON.stringify(body)).toBe(400);
      expect(answer.body.code).withContext(JSON.stringify(body)).toBe('invalid_roles');
      expect(answer.body.error).toBe('invalid_request');
    }
    expect(tenant.calls).toEqual([]);
  });

  it('puts a user id into the Management API URL only percent-encoded', async () => {
    tenant.users.push({
      user_id: 'samlp|corp|ann/../../roles?x=1#y',
      email: 'ann@example.com',
      name: 'Ann',
      roles: [],
    });
    const answer = await change('samlp|corp|ann/../../roles?x=1#y', { roles: ['reader'] });
    expect(answer.status).withContext(answer.text).toBe(200);
    expect(answer.body.roles).toEqual(['reader']);
    expect(tenant.calls).toContain('POST /api/v2/users/samlp%7Ccorp%7Cann%2F..%2F..%2Froles%3Fx%3D1%23y/roles');
  });

  it('answers one page of 50 users at most, and the total in X-Total-Count', async () => {
    for (let i = 0; i < 60; i += 1) {
      tenant.users.push({
        user_id: `auth0|bulk-${i}`,
        email: `zz-bulk-${String(i).padStart(2, '0')}@example.com`,
        name: `Bulk ${i}`,
        roles: [],
      });
    }
    try {
      const first = await proxy.call('GET', '/api/users', { bearer: admin });
      const second = await proxy.call('GET', '/api/users?page=1', { bearer: admin });
      expect(JSON.parse(first.text)).toHaveSize(50);
      expect(first.headers.get('x-total-count')).toBe(String(tenant.users.length));
      expect((JSON.parse(second.text) as unknown[]).length).toBe(tenant.users.length - 50);
      for (const page of ['-1', '20', 'x', '1e1']) {
        expect((await proxy.call('GET', `/api/users?page=${page}`, { bearer: admin })).body.code).toBe('invalid_page');
      }
    } finally {
      tenant.users = tenant.users.filter((user) => !user.user_id.startsWith('auth0|bulk-'));
    }
  });

  it('lets the app call DELETE with a JSON body across origins (CORS)', async () => {
    const preflight = await fetch(`${proxy.url}/api/users/auth0%7Cx/roles`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });
});
