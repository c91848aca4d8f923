import { createRemoteJWKSet, jwtVerify } from 'jose';
import { DevTenantError, getTokensForUser } from './log-in';
import { startDevTenant, type RunningDevTenant } from '../../testing/dev-tenant';

describe('getTokensForUser', () => {
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  it('logs a demo user in over HTTP and returns verified-shape tokens', async () => {
    const tokens = await getTokensForUser(tenant.url, {
      username: 'reader@example.com',
      password: 'dev-password',
      redirectUri: `${tenant.appOrigin}/callback`,
      audience: tenant.audience,
    });
    expect(tokens.scope).toBe('openid profile email read:messages');
    expect(tokens.expiresIn).toBe(7200);
    const jwks = createRemoteJWKSet(new URL(`${tenant.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(tokens.accessToken, jwks, {
      issuer: tenant.issuer,
      audience: tenant.audience,
    });
    expect(payload.scope).toBe('openid profile email read:messages');
    await jwtVerify(tokens.idToken, jwks, { issuer: tenant.issuer, audience: tenant.clientId });
  });

  it('returns an opaque access token without an audience', async () => {
    const tokens = await getTokensForUser(tenant.url, {
      username: 'guest@example.com',
      password: 'dev-password',
      redirectUri: `${tenant.appOrigin}/callback`,
      scope: 'openid',
    });
    expect(tokens.accessToken).toMatch(/^[\w-]{32}$/);
    expect(tokens.scope).toBe('openid');
  });

  it("throws the tenant's error and description", async () => {
    const base = {
      username: 'admin@example.com',
      password: 'dev-password',
      redirectUri: `${tenant.appOrigin}/callback`,
    };
    await expectAsync(getTokensForUser(tenant.url, { ...base, audience: 'https://nope' })).toBeRejectedWith(
      new DevTenantError('access_denied', 'Service not found: https://nope'),
    );
    await expectAsync(getTokensForUser(tenant.url, { ...base, password: 'wrong' })).toBeRejectedWith(
      new DevTenantError('access_denied', 'Wrong email or password.'),
    );
    await expectAsync(getTokensForUser(tenant.url, { ...base, clientId: 'nope' })).toBeRejectedWithError(
      DevTenantError,
      'invalid_request: Unknown client: nope',
    );
    await expectAsync(
      getTokensForUser(tenant.url, { ...base, redirectUri: 'http://evil.test/' }),
    ).toBeRejectedWithError(DevTenantError, /^unauthorized_client: Callback URL mismatch/);
  });
});
