// The doctor's check of AUTH0_M2M_*, against the controllable tenant: what it prints for each case.
import { loadConfig } from '../../config/load-config';
import { MANAGEMENT_API_SCOPES } from '../../server/management/required-scopes';
import { freePort } from '../../testing/free-port';
import { FULL_GRANT, M2M, startManagementTenant, type ManagementTenant } from '../../testing/management-tenant';
import { checkManagementApiClient } from './management-api-client';
import { runDoctor } from './run-doctor';

describe('npm run doctor: the Management API client', () => {
  let tenant: ManagementTenant;
  beforeEach(async () => {
    tenant = await startManagementTenant();
  });
  afterEach(() => tenant.close());

  const env = (extra: Record<string, string> = {}) => ({
    AUTH0_DOMAIN: tenant.url,
    AUTH0_CLIENT_ID: 'spa123',
    AUTH0_AUDIENCE: 'https://quickstarts/api',
    AUTH0_M2M_CLIENT_ID: M2M.clientId,
    AUTH0_M2M_CLIENT_SECRET: M2M.clientSecret,
    ...extra,
  });
  async function check(extra: Record<string, string> = {}, discovery?: { token_endpoint?: unknown }) {
    const lines: string[] = [];
    const ok = await checkManagementApiClient(
      loadConfig(env(extra)),
      discovery ?? { token_endpoint: `${tenant.issuer}oauth/token` },
      (line) => lines.push(line),
    );
    for (const secret of [M2M.clientSecret, 'wrong-secret-9f8e', ...tenant.issued]) {
      expect(lines.join('\n').includes(secret)).withContext('printed a secret or token').toBeFalse();
    }
    return { ok, lines };
  }

  it('passes with exactly the scopes the proxy needs', async () => {
    tenant.grant = [...MANAGEMENT_API_SCOPES];
    expect(await check()).toEqual({
      ok: true,
      lines: [
        `ok   Management API client: ${M2M.clientId} gets a Management API token with the 5 scopes the users proxy needs`,
      ],
    });
  });

  it('passes, and names what the proxy does not use, with a broader grant', async () => {
    tenant.grant = [...FULL_GRANT];
    const { ok, lines } = await check();
    expect(ok).toBeTrue();
    expect(lines[0]).toMatch(/needs \(also granted, not used: update:users\)$/);
  });

  it('fails naming the scopes missing from the grant', async () => {
    tenant.grant = ['read:users', 'read:roles'];
    const { ok, lines } = await check();
    expect(ok).toBeFalse();
    expect(lines).toEqual([
      `FAIL Management API client: ${M2M.clientId} is granted read:users read:roles on the Management API; the users proxy also needs read:role_members create:role_members delete:role_members.\n` +
        '     fix: add read:role_members create:role_members delete:role_members to its grant (Dashboard > Applications > APIs > Auth0 Management API > Machine to Machine Applications).',
    ]);
  });

  it("fails with the tenant's words and the fix when the client has no grant, or the wrong secret", async () => {
    tenant.tokenEndpoint = 'no_grant';
    const noGrant = await check();
    expect(noGrant.ok).toBeFalse();
    expect(noGrant.lines[0]).toMatch(
      /^FAIL Management API client: .* with 403 access_denied: "Client is not authorized to access /,
    );
    expect(noGrant.lines[0]).toContain(`fix: Authorise the Machine to Machine application ${M2M.clientId}`);
    tenant.tokenEndpoint = 'issue';
    const badSecret = await check({ AUTH0_M2M_CLIENT_SECRET: 'wrong-secret-9f8e' });
    expect(badSecret.ok).toBeFalse();
    expect(badSecret.lines[0]).toContain('fix: Check AUTH0_M2M_CLIENT_ID and AUTH0_M2M_CLIENT_SECRET');
  });

  it('fails when the tenant cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { ok, lines } = await check({ AUTH0_DOMAIN: closed }, { token_endpoint: `${closed}/oauth/token` });
    expect(ok).toBeFalse();
    expect(lines[0]).toMatch(/did not answer the API's token request \(.*: ECONNREFUSED\)/);
  });

  it('warns, without failing, on a real tenant without AUTH0_M2M_*', async () => {
    const { ok, lines } = await check({ AUTH0_M2M_CLIENT_ID: '', AUTH0_M2M_CLIENT_SECRET: '' });
    expect(ok).toBeTrue();
    expect(lines[0]).toMatch(
      /^warn Management API client: AUTH0_M2M_CLIENT_ID\/SECRET are not set: .*503 management_api_not_configured/,
    );
    expect(tenant.tokenRequests).toBe(0);
  });

  it('skips a tenant that announces no token endpoint, and fails one that announces another', async () => {
    expect((await check({}, {})).lines[0]).toMatch(
      /^skip Management API client: the tenant announces no token endpoint/,
    );
    const other = await check({}, { token_endpoint: 'https://elsewhere.example.com/oauth/token' });
    expect(other.ok).toBeFalse();
    expect(other.lines[0]).toContain('the API will ask');
    expect(tenant.tokenRequests).toBe(0);
  });

  it('runs as part of npm run doctor', async () => {
    tenant.grant = [...MANAGEMENT_API_SCOPES];
    const lines: string[] = [];
    expect(await runDoctor(env(), (line) => lines.push(line))).toBeTrue();
    expect(lines).toContain(
      `ok   Management API client: ${M2M.clientId} gets a Management API token with the 5 scopes the users proxy needs`,
    );
    expect(lines.at(-1)).toBe('All checks passed.');
  });
});
