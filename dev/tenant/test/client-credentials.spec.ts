// POST /oauth/token with the client credentials grant: the token Auth0 issues, and each refusal
// with Auth0's status and sentence.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { parse } from 'yaml';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { DEV_TENANT_M2M_CLIENT_ID, DEV_TENANT_M2M_CLIENT_SECRET } from '../oauth/dev-m2m-client';
import { DEFAULT_TENANT_FILE } from '../tenant-file/read-tenant-file';
import { management, managementAudience, postToken } from './support/management';
import { minimalTenant, tenantFolder } from './support/tenant-files';

const M2M = { client_id: 'm2m-client', client_secret: 'm2m secret/with+odd:chars' };
const CC = { grant_type: 'client_credentials', ...M2M };

function tenantDoc(): Record<string, unknown> {
  const doc = minimalTenant();
  doc.clients.push(
    { name: 'Backend', app_type: 'non_interactive', ...M2M },
    {
      name: 'Web',
      app_type: 'regular_web',
      client_id: 'web-client',
      client_secret: 'web-secret',
      grant_types: ['authorization_code', 'client_credentials'],
    },
  );
  doc.resourceServers = [
    {
      identifier: 'https://api.test',
      scopes: [{ value: 'read:things' }, { value: 'write:things' }],
      enforce_policies: true,
      token_dialect: 'access_token_authz',
      token_lifetime: 3600,
    },
    { identifier: 'https://open.test', scopes: [{ value: 'read:open' }] },
  ];
  doc.roles[0].permissions = [];
  return {
    ...doc,
    clientGrants: [
      { client_id: 'Backend', audience: 'https://api.test', scope: ['read:things', 'write:things'] },
      { client_id: 'm2m-client', audience: 'https://open.test', scope: ['read:open'] },
      { client_id: 'Backend', audience: '##DEV_TENANT_ORIGIN##/api/v2/', scope: ['read:users'] },
    ],
  };
}

describe('dev tenant client credentials (POST /oauth/token)', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant({ tenantFile: folder.write(tenantDoc()) })));
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
    expect(doc.grant_types_supported).toEqual(['implicit', 'client_credentials']);
    expect(doc.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
  });

  const basicBoth = `Basic ${Buffer.from(`${M2M.client_id}:${M2M.client_secret}`).toString('base64')}`;
  const refusals: [string, () => Promise<Awaited<ReturnType<typeof postToken>>>, number, Record<string, string>][] = [
    [
      'a wrong secret',
      () => postToken(tenant, { ...CC, client_secret: 'nope', audience: 'https://api.test' }),
      401,
      { error: 'access_denied', error_description: 'Unauthorized' },
    ],
    [
      'a missing secret',
      () =>
        postToken(tenant, { grant_type: 'client_credentials', client_id: 'm2m-client', audience: 'https://api.test' }),
      401,
      { error: 'access_denied', error_description: 'Unauthorized' },
    ],
    [
      'an unknown client',
      () => postToken(tenant, { ...CC, client_id: 'nobody', audience: 'https://api.test' }),
      401,
      { error: 'access_denied', error_description: 'Unauthorized' },
    ],
    [
      'a missing client_id',
      () => postToken(tenant, { grant_type: 'client_credentials', audience: 'https://api.test' }),
      400,
      { error: 'invalid_request', error_description: 'Missing required parameter: client_id' },
    ],
    [
      'a missing grant_type',
      () => postToken(tenant, { ...M2M, audience: 'https://api.test' }),
      400,
      { error: 'invalid_request', error_description: 'Missing required parameter: grant_type' },
    ],
    [
      'an unknown grant type',
      () => postToken(tenant, { ...CC, grant_type: 'magic' }),
      400,
      { error: 'unsupported_grant_type', error_description: 'Unsupported grant type: magic' },
    ],
    [
      'a client without the client_credentials grant type (the SPA)',
      () =>
        postToken(tenant, { grant_type: 'client_credentials', client_id: 'app-client', audience: 'https://api.test' }),
      403,
      {
        error: 'unauthorized_client',
        error_description: "Grant type 'client_credentials' not allowed for the client.",
        error_uri: 'https://auth0.com/docs/clients/client-grant-types',
      },
    ],
    [
      'another grant type the client lacks',
      () => postToken(tenant, { ...CC, grant_type: 'password' }),
      403,
      {
        error: 'unauthorized_client',
        error_description: "Grant type 'password' not allowed for the client.",
        error_uri: 'https://auth0.com/docs/clients/client-grant-types',
      },
    ],
    [
      'a grant type the client has but the dev tenant does not emulate',
      () =>
        postToken(tenant, {
          grant_type: 'authorization_code',
          client_id: 'web-client',
          client_secret: 'web-secret',
          code: 'x',
        }),
      400,
      {
        error: 'unsupported_grant_type',
        error_description:
          'The dev tenant does not emulate the authorization_code grant; its token endpoint answers client_credentials (users log in with the implicit flow at /authorize).',
      },
    ],
    [
      'no client grant for the API',
      () =>
        postToken(tenant, {
          grant_type: 'client_credentials',
          client_id: 'web-client',
          client_secret: 'web-secret',
          audience: 'https://api.test',
        }),
      403,
      {
        error: 'access_denied',
        error_description:
          'Client is not authorized to access "https://api.test". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants',
      },
    ],
    [
      'a missing audience',
      () => postToken(tenant, CC),
      403,
      {
        error: 'access_denied',
        error_description: 'No audience parameter was provided, and no default audience has been configured',
      },
    ],
    [
      'an unknown audience',
      () => postToken(tenant, { ...CC, audience: 'https://nope.test' }),
      403,
      { error: 'access_denied', error_description: 'Service not found: https://nope.test' },
    ],
    [
      'scopes beyond the client grant',
      () => postToken(tenant, { ...CC, audience: 'https://api.test', scope: 'read:things openid delete:things' }),
      403,
      { error: 'access_denied', error_description: 'Client has not been granted scopes: openid,delete:things' },
    ],
    [
      'Basic and a secret in the body together',
      () => postToken(tenant, { ...CC, audience: 'https://api.test' }, { Authorization: basicBoth }),
      400,
      {
        error: 'invalid_request',
        error_description:
          'Authenticate the client one way only: an Authorization: Basic header or client_id/client_secret in the body.',
      },
    ],
    [
      'a repeated parameter',
      () =>
        postToken(tenant, `grant_type=client_credentials&client_id=m2m-client&client_id=m2m-client`, {
          'Content-Type': 'application/x-www-form-urlencoded',
        }),
      400,
      { error: 'invalid_request', error_description: 'Parameter client_id must be a single string, sent once.' },
    ],
    [
      'a body that is neither a form nor JSON',
      () => postToken(tenant, 'grant_type=client_credentials', { 'Content-Type': 'text/plain' }),
      400,
      {
        error: 'invalid_request',
        error_description:
          'Send the parameters in the body of the POST, as application/x-www-form-urlencoded or application/json.',
      },
    ],
    [
      'malformed JSON',
      () => postToken(tenant, '{"grant_type":', { 'Content-Type': 'application/json' }),
      400,
      { error: 'invalid_request', error_description: 'The request body is not valid JSON.' },
    ],
    [
      'a body over 10 KB',
      () => postToken(tenant, { ...CC, audience: 'x'.repeat(20_000) }),
      400,
      { error: 'invalid_request', error_description: 'The request body is larger than the dev tenant accepts (10kb).' },
    ],
  ];
  for (const [what, send, status, body] of refusals) {
    it(`refuses ${what} as Auth0 does (${status} ${body.error})`, async () => {
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual(body);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });
  }

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
  it('has the client npm run token --m2m uses by default, with its secret', () => {
    const doc = parse(readFileSync(DEFAULT_TENANT_FILE, 'utf8')) as { clients: Record<string, unknown>[] };
    expect(doc.clients).toContain(
      jasmine.objectContaining({ client_id: DEV_TENANT_M2M_CLIENT_ID, client_secret: DEV_TENANT_M2M_CLIENT_SECRET }),
    );
  });
});
