// Every way the tenant can refuse the users proxy, through the real API: a 502 management_api_error
// that quotes the tenant (status and message) and says what to change, and never a secret or a token
// in an answer or a log line.
import { M2M, startManagementTenant, type ManagementTenant } from '../../testing/management-tenant';
import { startUsersProxy, type ProxyAnswer, type UsersProxyUnderTest } from '../../testing/users-proxy-under-test';
import { MANAGEMENT_API_SCOPES } from '../management/required-scopes';

const AUDIENCE = 'https://quickstarts/api';

describe('the users proxy when the tenant refuses', () => {
  let tenant: ManagementTenant;
  let proxies: UsersProxyUnderTest[];
  let logged: string[];

  beforeEach(async () => {
    tenant = await startManagementTenant();
    proxies = [];
    logged = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      spyOn(console, method).and.callFake((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
  });
  afterEach(async () => {
    for (const line of logged) {
      for (const secret of [M2M.clientSecret, 'wrong-secret-9f8e', ...tenant.issued]) {
        expect(line.includes(secret)).withContext('a log line holds a secret or token').toBeFalse();
      }
    }
    for (const proxy of proxies) await proxy.close();
    await tenant.close();
  });

  async function listUsers(options: { secret?: string; timeoutMs?: number } = {}): Promise<ProxyAnswer> {
    const m2m = { clientId: M2M.clientId, clientSecret: options.secret ?? M2M.clientSecret };
    const proxy = await startUsersProxy({
      issuer: tenant.issuer,
      audience: AUDIENCE,
      m2m,
      timeoutMs: options.timeoutMs,
      secrets: () => tenant.issued,
    });
    proxies.push(proxy);
    return proxy.call('GET', '/api/users', { bearer: tenant.userToken(AUDIENCE) });
  }

  function expectManagementError(answer: ProxyAnswer, description: RegExp, hint: string): void {
    expect(answer.status).withContext(answer.text).toBe(502);
    expect(answer.body.error).toBe('bad_gateway');
    expect(answer.body.code).toBe('management_api_error');
    expect(answer.body.error_description).toMatch(description);
    expect(answer.body.hint).toContain(hint);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  }

  it('no client grant for the Management API: authorise the M2M application with exactly the scopes needed', async () => {
    tenant.tokenEndpoint = 'no_grant';
    expectManagementError(
      await listUsers(),
      /^The tenant answered the API's token request \(POST http:\/\/127\.0\.0\.1:\d+\/oauth\/token\) with 403 access_denied: "Client is not authorized to access /,
      `Authorise the Machine to Machine application ${M2M.clientId} for the Auth0 Management API with exactly the scopes ${MANAGEMENT_API_SCOPES.join(' ')}`,
    );
  });

  it('a scope missing from the grant: add it; the next request then gets a new token and works', async () => {
    tenant.grant = MANAGEMENT_API_SCOPES.filter((scope) => scope !== 'read:users');
    const answer = await listUsers();
    expectManagementError(
      answer,
      /^The Management API answered GET \/api\/v2\/users with 403 insufficient_scope: "Insufficient scope, expected any of: read:users"\.$/,
      "Add read:users to the Machine to Machine application's grant for the Auth0 Management API",
    );
    tenant.grant = [...MANAGEMENT_API_SCOPES];
    const fixed = await proxies[0].call('GET', '/api/users', { bearer: tenant.userToken(AUDIENCE) });
    expect(fixed.status).withContext('the refused token was dropped').toBe(200);
    expect(tenant.tokenRequests).toBe(2);
  });

  it('exactly the scopes the proxy lists are enough for every route', async () => {
    tenant.grant = [...MANAGEMENT_API_SCOPES];
    expect((await listUsers()).status).toBe(200);
    const bearer = tenant.userToken(AUDIENCE);
    for (const method of ['POST', 'DELETE']) {
      const answer = await proxies[0].call(method, '/api/users/auth0%7Cdev-guest-0003/roles', {
        bearer,
        body: { roles: ['reader'] },
      });
      expect(answer.status).withContext(`${method}: ${answer.text}`).toBe(200);
    }
  });

  it('bad credentials: check AUTH0_M2M_CLIENT_ID and AUTH0_M2M_CLIENT_SECRET (and the secret is not in the answer)', async () => {
    expectManagementError(
      await listUsers({ secret: 'wrong-secret-9f8e' }),
      /with 401 access_denied: "Unauthorized"\.$/,
      'Check AUTH0_M2M_CLIENT_ID and AUTH0_M2M_CLIENT_SECRET',
    );
  });

  it('a client without the client-credentials grant type: enable it', async () => {
    tenant.tokenEndpoint = 'grant_type_not_allowed';
    expectManagementError(
      await listUsers(),
      /with 403 unauthorized_client: /,
      'Enable the Client Credentials grant of test-m2m-client',
    );
  });

  it("the tenant's rate limit: 502 with the tenant's Retry-After", async () => {
    tenant.tokenEndpoint = 'rate_limited';
    const answer = await listUsers();
    expectManagementError(answer, /with 429 too_many_requests: /, 'retry in 7 s');
    expect(answer.headers.get('retry-after')).toBe('7');
  });

  it('the tenant unreachable: check AUTH0_DOMAIN and the network', async () => {
    const proxy = await startUsersProxy({ issuer: tenant.issuer, audience: AUDIENCE, m2m: M2M });
    proxies.push(proxy);
    const bearer = tenant.userToken(AUDIENCE);
    expect((await proxy.call('GET', '/api/private', { bearer })).status).toBe(200); // its JWKS is kept
    await tenant.close();
    expectManagementError(
      await proxy.call('GET', '/api/users', { bearer }),
      /^The tenant did not answer the API's token request \(http:\/\/127\.0\.0\.1:\d+\/oauth\/token: ECONNREFUSED\)\.$/,
      "Check AUTH0_DOMAIN and that the API's host can reach the tenant",
    );
  });

  it('a token endpoint that never answers: 502 within the time limit', async () => {
    tenant.tokenEndpoint = 'hang';
    const started = Date.now();
    expectManagementError(
      await listUsers({ timeoutMs: 300 }),
      /\(http:\/\/127\.0\.0\.1:\d+\/oauth\/token: no answer within 0\.3 s\)/,
      'Check AUTH0_DOMAIN',
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a Management API that never answers: 502 within the time limit', async () => {
    tenant.behaviour = 'hang';
    expectManagementError(
      await listUsers({ timeoutMs: 300 }),
      /^The tenant did not answer GET \/api\/v2\/users \(.*: no answer within 0\.3 s\)\.$/,
      'Check AUTH0_DOMAIN',
    );
  });
});
