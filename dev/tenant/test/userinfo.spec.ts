import { SignJWT, generateKeyPair } from 'jose';
import { authorizeUrl, fragmentOf, get, logIn } from '../../../testing/tenant-requests';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

describe('dev tenant /userinfo', () => {
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  // As the default tenant file describes the admin; updated_at is when the tenant read the file.
  const profileOfAdmin = () => ({
    sub: 'auth0|dev-admin-0001',
    name: 'Ada Admin',
    nickname: 'admin',
    email: 'admin@example.com',
    email_verified: true,
    updated_at: tenant.context.users.findByEmail('admin@example.com')?.updatedAt,
  });

  function userinfo(token: string, origin?: string): Promise<Response> {
    return get(`${tenant.url}/userinfo`, undefined, {
      authorization: `Bearer ${token}`,
      ...(origin ? { origin } : {}),
    });
  }

  it('gives an opaque access token when no audience is asked for, and accepts it', async () => {
    const { location } = await logIn(tenant, 'admin@example.com', authorizeUrl(tenant, { audience: undefined }));
    const fragment = fragmentOf(location);
    const accessToken = fragment.get('access_token') ?? '';
    expect(accessToken).toMatch(/^[\w-]{32}$/);
    expect(fragment.get('scope')).toBe('openid profile email');

    const response = await userinfo(accessToken, tenant.appOrigin);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(tenant.appOrigin);
    expect(await response.json()).toEqual(profileOfAdmin());
  });

  it('accepts an access token for the API whose aud includes /userinfo', async () => {
    const { location } = await logIn(tenant, 'admin@example.com');
    const response = await userinfo(fragmentOf(location).get('access_token') ?? '');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(profileOfAdmin());
  });

  it('rejects an id_token, garbage, a foreign signature and a missing token', async () => {
    const { location } = await logIn(tenant, 'admin@example.com');
    const idToken = fragmentOf(location).get('id_token') ?? '';
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'auth0|dev-admin-0001' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(tenant.issuer)
      .setAudience(`${tenant.issuer}userinfo`)
      .setExpirationTime('1h')
      .sign(privateKey);

    for (const token of [idToken, 'garbage', forged, 'a'.repeat(32)]) {
      const response = await userinfo(token);
      expect(response.status).withContext(token.slice(0, 10)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
    const none = await get(`${tenant.url}/userinfo`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers the CORS preflight for the registered web origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${tenant.url}/userinfo`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization,auth0-client,content-type',
        },
      });
    const allowed = await preflight(tenant.appOrigin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(tenant.appOrigin);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('auth0-client');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const other = await preflight('http://evil.test');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
