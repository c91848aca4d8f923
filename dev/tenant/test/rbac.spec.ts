// Which scopes and permissions tokens carry, as Auth0 decides: RBAC on or off, both token
// dialects, lifetimes, and the Management API's current_user scopes.
import { decodeJwt } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { authorizeUrl, fragmentOf, logIn } from '../../../testing/tenant-requests';
import { minimalTenant, tenantFolder } from '../../../testing/tenant-files';

async function tokensFor(tenant: RunningDevTenant, email: string, params: Record<string, string>) {
  const fragment = fragmentOf((await logIn(tenant, email, authorizeUrl(tenant, params))).location);
  expect(fragment.get('error_description')).toBeNull();
  return {
    scope: fragment.get('scope'),
    expiresIn: Number(fragment.get('expires_in')),
    access: decodeJwt(fragment.get('access_token') ?? ''),
    id: decodeJwt(fragment.get('id_token') ?? ''),
  };
}

describe('dev tenant RBAC, default tenant file (RBAC on, access_token_authz)', () => {
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant()));
  afterAll(() => tenant.close());

  it("grants requested ∩ the user's permissions, and lists all of them in `permissions`", async () => {
    const admin = await tokensFor(tenant, 'admin@example.com', { scope: 'openid read:messages' });
    expect(admin.scope).toBe('openid read:messages');
    expect(admin.access.permissions).toEqual(['read:messages', 'write:messages', 'manage:users']);
    const reader = await tokensFor(tenant, 'reader@example.com', {
      scope: 'openid read:messages write:messages manage:users',
    });
    expect(reader.scope).toBe('openid read:messages');
    expect(reader.access.permissions).toEqual(['read:messages']);
    const guest = await tokensFor(tenant, 'guest@example.com', { scope: 'openid read:messages' });
    expect(guest.scope).toBe('openid');
    expect(guest.access.permissions).toEqual([]);
  });

  it("carries the user's roles in both tokens, from the default post-login action", async () => {
    for (const [email, roles] of [
      ['admin@example.com', ['admin']],
      ['guest@example.com', []],
    ] as const) {
      const { access, id } = await tokensFor(tenant, email, {});
      expect(access['https://quickstarts/roles']).toEqual(roles);
      expect(id['https://quickstarts/roles']).toEqual(roles);
    }
  });

  it('gives users only the current_user scopes of the Management API, and no custom claims in its token', async () => {
    const log = spyOn(console, 'log');
    const management = `${tenant.issuer}api/v2/`;
    const scope =
      'openid read:current_user update:current_user_metadata create:current_user_metadata delete:current_user_metadata read:users update:users create:role_members';
    const {
      scope: granted,
      access,
      id,
    } = await tokensFor(tenant, 'admin@example.com', { audience: management, scope });
    expect(granted).toBe(
      'openid read:current_user update:current_user_metadata create:current_user_metadata delete:current_user_metadata',
    );
    expect(access.aud).toEqual([management, `${tenant.issuer}userinfo`]);
    expect(access.permissions).toBeUndefined();
    expect(access['https://quickstarts/roles']).toBeUndefined();
    expect(id['https://quickstarts/roles']).toEqual(['admin']);
    expect(log).toHaveBeenCalledWith(
      'dev tenant: custom claims left out of an access token for the Management API, as Auth0 does.',
    );
  });
});

describe('dev tenant RBAC, a tenant file with RBAC off and with the access_token dialect', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  let ttl: RunningDevTenant;

  beforeAll(async () => {
    const doc = minimalTenant();
    doc.resourceServers = [
      {
        identifier: 'https://open.test',
        scopes: [{ value: 'read:a' }, { value: 'write:a' }],
        enforce_policies: false,
        token_dialect: 'access_token_authz', // meaningless without RBAC: no permissions claim
        token_lifetime: 600, // caps the web lifetime (7200 by default)
      },
      {
        identifier: 'https://strict.test',
        scopes: [{ value: 'read:b' }, { value: 'write:b' }, { value: 'admin:b' }],
        enforce_policies: true,
        token_dialect: 'access_token',
        token_lifetime_for_web: 300,
      },
    ];
    doc.roles = [
      {
        name: 'b-reader',
        permissions: [{ permission_name: 'read:b', resource_server_identifier: 'https://strict.test' }],
      },
    ];
    doc.users = [
      { email: 'nobody@example.com' },
      {
        email: 'mixed@example.com',
        roles: ['b-reader'],
        permissions: [{ permission_name: 'write:b', resource_server_identifier: 'https://strict.test' }],
      },
    ];
    const file = folder.write(doc);
    tenant = await startDevTenant({ tenantFile: file });
    ttl = await startDevTenant({ tenantFile: file, accessTokenTtlSeconds: 42 });
  });
  afterAll(async () => {
    await tenant.close();
    await ttl.close();
    folder.remove();
  });

  it('grants any scope the API defines to whoever asks when RBAC is off', async () => {
    const open = await tokensFor(tenant, 'nobody@example.com', {
      audience: 'https://open.test',
      scope: 'openid read:a write:a delete:a',
    });
    expect(open.scope).toBe('openid read:a write:a');
    expect(open.access.permissions).toBeUndefined();
    expect(open.expiresIn).toBe(600);
    expect((open.access.exp ?? 0) - (open.access.iat ?? 0)).toBe(600);
  });

  it('grants permissions from roles and direct assignments, without a permissions claim, with RBAC on', async () => {
    const params = { audience: 'https://strict.test', scope: 'openid read:b write:b admin:b' };
    const mixed = await tokensFor(tenant, 'mixed@example.com', params);
    expect(mixed.scope).toBe('openid read:b write:b');
    expect(mixed.access.permissions).toBeUndefined();
    expect(mixed.expiresIn).toBe(300);
    expect((await tokensFor(tenant, 'nobody@example.com', params)).scope).toBe('openid');
  });

  it('makes every access token live DEV_TENANT_TOKEN_TTL seconds when it is set', async () => {
    for (const audience of ['https://open.test', 'https://strict.test']) {
      const { expiresIn, access } = await tokensFor(ttl, 'mixed@example.com', { audience, scope: 'openid' });
      expect(expiresIn).toBe(42);
      expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(42);
    }
  });
});
