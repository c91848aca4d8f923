// POST /oauth/token with the client credentials grant: the token Auth0 issues, from a form or
// JSON, with client_secret_post or client_secret_basic; client-credentials-refusals.spec.ts has
// the refusals.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { parse } from 'yaml';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { DEV_TENANT_M2M_CLIENT_ID, DEV_TENANT_M2M_CLIENT_SECRET } from '../../../config/load-config';
import { DEFAULT_DEV_TENANT_FILE } from '../../../config/dev-tenant-file';
import { MANAGEMENT_API_SCOPES } from '../../../server/management/required-scopes';
import { management, managementAudience, postToken } from '../../../testing/management-requests';
import { CC, M2M, m2mTenantDoc } from '../../../testing/m2m-tenant';
import { tenantFolder } from '../../../testing/tenant-files';

describe('dev tenant client credentials (POST /oauth/token)', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant({ tenantFile: folder.write(m2mTenantDoc()) })));
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });

  it("issues Auth0's client-credentials token: signed by the tenant, aud a string, gty, permissions with RBAC", async () => {
    const answer = await postToken(tenant, { ...CC, audience: 'https://api.test' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(answer.body)).toEqual(['access_token', 'scope', 'expires_in', 'token_type']);
    expect(answer.body).toEqual(
      jasmine.objectContaining({ scope: 'read:things write:things', expires_in: 3600, token_type: 'Bearer' }),
    );
    const jwks = (await (await fetch(`${tenant.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(String(answer.body.access_token), createLocalJWKSet(jwks), {
      issuer: tenant.issuer,
      audience: 'https://api.test',
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toEqual(
      jasmine.objectContaining({
        sub: 'm2m-client@clients',
        aud: 'https://api.test',
        azp: 'm2m-client',
        scope: 'read:things write:things',
        gty: 'client-credentials',
        permissions: ['read:things', 'write:things'],
      }),
    );
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it('takes a JSON body, HTTP Basic (client_secret_basic), and a requested subset of the grant', async () => {
    const json = await postToken(
      tenant,
      JSON.stringify({ ...CC, audience: 'https://api.test', scope: 'read:things' }),
      { 'Content-Type': 'application/json' },
    );
    expect(json.status).toBe(200);
    expect(json.body.scope).toBe('read:things');
    expect(decodeJwt(String(json.body.access_token)).permissions).toEqual(['read:things']);

    const basic = Buffer.from(`${encodeURIComponent(M2M.client_id)}:${encodeURIComponent(M2M.client_secret)}`);
    const viaHeader = await postToken(
      tenant,
      { grant_type: 'client_credentials', audience: 'https://open.test' },
      { Authorization: `Basic ${basic.toString('base64')}` },
    );
    expect(viaHeader.status).toBe(200);
    const claims = decodeJwt(String(viaHeader.body.access_token));
    expect(claims.scope).toBe('read:open');
    expect(claims.permissions).toBeUndefined(); // no RBAC on that API
  });

  it('gives a Management API token its client grant, and the Management API accepts it', async () => {
    const answer = await postToken(tenant, { ...CC, audience: managementAudience(tenant) });
    expect(answer.status).toBe(200);
    const token = String(answer.body.access_token);
    expect(decodeJwt(token)).toEqual(
      jasmine.objectContaining({ aud: managementAudience(tenant), scope: 'read:users', gty: 'client-credentials' }),
    );
    expect(answer.body.expires_in).toBe(86400);
    expect((await management(tenant, 'GET', '/users', { token })).status).toBe(200);
  });

  it('is advertised by the discovery document', async () => {
    const doc = (await (await fetch(`${tenant.url}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(doc.token_endpoint).toBe(`${tenant.issuer}oauth/token`);
    expect(doc.grant_types_supported).toContain('client_credentials');
    expect(doc.token_endpoint_auth_methods_supported).toEqual(
      jasmine.arrayContaining(['client_secret_basic', 'client_secret_post']),
    );
  });

  it('never writes a client secret to the console', async () => {
    const lines: unknown[] = [];
    for (const method of ['log', 'error', 'warn', 'info'] as const) {
      spyOn(console, method).and.callFake((...args: unknown[]) => lines.push(...args));
    }
    await postToken(tenant, { ...CC, audience: 'https://api.test' });
    await postToken(tenant, { ...CC, client_secret: 'wrong-secret-value', audience: 'https://api.test' });
    await postToken(tenant, `{"client_secret":"wrong-secret-value"`, { 'Content-Type': 'application/json' });
    expect(lines.map(String).filter((line) => /m2m secret|wrong-secret-value/.test(line))).toEqual([]);
  });
});

describe('the default tenant file and the dev M2M client', () => {
  it('grants the client exactly the Management API scopes the users proxy uses', () => {
    const doc = parse(readFileSync(DEFAULT_DEV_TENANT_FILE, 'utf8')) as {
      clientGrants: { client_id: string; audience: string; scope: string[] }[];
    };
    const management = doc.clientGrants.filter((grant) => grant.audience.endsWith('/api/v2/'));
    expect(management.map((grant) => [...grant.scope].sort())).toEqual([[...MANAGEMENT_API_SCOPES].sort()]);
  });

  it('has the client npm run token --m2m uses by default, with its secret', () => {
    const doc = parse(readFileSync(DEFAULT_DEV_TENANT_FILE, 'utf8')) as { clients: Record<string, unknown>[] };
    expect(doc.clients).toContain(
      jasmine.objectContaining({ client_id: DEV_TENANT_M2M_CLIENT_ID, client_secret: DEV_TENANT_M2M_CLIENT_SECRET }),
    );
  });
});
