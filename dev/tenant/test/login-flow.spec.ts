import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { authorizeUrl, fragmentOf, get, logIn, postLogin, startLogin } from '../../../testing/tenant-requests';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

describe('dev tenant login (authorize, form, fragment redirect)', () => {
  let tenant: RunningDevTenant;
  let jwks: ReturnType<typeof createRemoteJWKSet>;

  beforeAll(async () => {
    tenant = await startDevTenant();
    jwks = createRemoteJWKSet(new URL(`${tenant.url}/.well-known/jwks.json`));
  });
  afterAll(() => tenant.close());

  const expectedScopes: Record<string, string> = {
    'admin@example.com': 'openid profile email read:messages write:messages manage:users',
    'reader@example.com': 'openid profile email read:messages',
    'guest@example.com': 'openid profile email',
  };

  for (const email of Object.keys(expectedScopes)) {
    it(`logs ${email} in and issues tokens of Auth0's shapes`, async () => {
      const user = tenant.context.users.findByEmail(email);
      if (!user) throw new Error(`${email} is not in the default tenant file`);
      const { location, cookie, response } = await logIn(tenant, email);
      expect(response.status).toBe(302);
      expect(location.startsWith(`${tenant.appOrigin}/callback#`)).toBe(true);
      // As Auth0's auth0 + auth0_compat: one for cross-site iframes, one for browsers refusing SameSite=None.
      expect(response.headers.getSetCookie()).toContain(
        jasmine.stringMatching(/^dev_tenant_session=[\w-]+; Path=\/; HttpOnly; SameSite=None; Secure$/),
      );
      expect(response.headers.getSetCookie()).toContain(
        jasmine.stringMatching(/^dev_tenant_session_compat=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/),
      );
      expect(cookie).toMatch(/^dev_tenant_session=/);

      const fragment = fragmentOf(location);
      expect(location).toContain('scope=openid%20profile'); // %20, not +
      expect(fragment.get('state')).toBe('state-123');
      expect(fragment.get('token_type')).toBe('Bearer');
      expect(fragment.get('expires_in')).toBe('7200');
      expect(fragment.get('scope')).toBe(expectedScopes[email]);
      const accessToken = fragment.get('access_token') ?? '';
      const idToken = fragment.get('id_token') ?? '';

      const access = await jwtVerify(accessToken, jwks, {
        algorithms: ['RS256'],
        issuer: tenant.issuer,
        audience: tenant.audience,
        typ: 'JWT',
      });
      expect(access.protectedHeader.kid).toBeTruthy();
      expect(access.payload.aud).toEqual([tenant.audience, `${tenant.issuer}userinfo`]);
      expect(access.payload.azp).toBe(tenant.clientId);
      expect(access.payload.sub).toBe(user.userId);
      expect(access.payload.scope).toBe(expectedScopes[email]);
      expect((access.payload.exp ?? 0) - (access.payload.iat ?? 0)).toBe(7200);

      const id = await jwtVerify(idToken, jwks, {
        algorithms: ['RS256'],
        issuer: tenant.issuer,
        audience: tenant.clientId,
      });
      expect(decodeProtectedHeader(idToken).kid).toBe(access.protectedHeader.kid);
      expect(id.payload).toEqual(
        jasmine.objectContaining({
          sub: user.userId,
          nonce: 'nonce-456',
          name: user.name,
          nickname: user.nickname,
          email: user.email,
          email_verified: true,
          updated_at: user.updatedAt,
        }),
      );
      expect(typeof id.payload.sid).toBe('string');
      expect((id.payload.exp ?? 0) - (id.payload.iat ?? 0)).toBe(36000);
      const digest = createHash('sha256').update(accessToken).digest();
      expect(id.payload.at_hash).toBe(digest.subarray(0, 16).toString('base64url'));
    });
  }

  it('grants only the requested API scopes the user has, and profile claims only for the requested OIDC scopes', async () => {
    const url = authorizeUrl(tenant, { scope: 'openid email write:messages delete:everything' });
    const { location } = await logIn(tenant, 'reader@example.com', url);
    const fragment = fragmentOf(location);
    expect(fragment.get('scope')).toBe('openid email');
    const id = await jwtVerify(fragment.get('id_token') ?? '', jwks);
    expect(id.payload.email).toBe('reader@example.com');
    expect(id.payload.name).toBeUndefined();
  });

  it('gives an access token for the API alone when openid is not asked for', async () => {
    const url = authorizeUrl(tenant, { response_type: 'token', scope: 'read:messages', nonce: undefined });
    const { location } = await logIn(tenant, 'admin@example.com', url);
    const fragment = fragmentOf(location);
    expect(fragment.get('id_token')).toBeNull();
    const access = await jwtVerify(fragment.get('access_token') ?? '', jwks);
    expect(access.payload.aud).toBe(tenant.audience);
    expect(access.payload.scope).toBe('read:messages');
  });

  it('shows the login form with the demo users, and logs in silently once a session exists', async () => {
    const tx = await startLogin(tenant);
    const page = await get(`${tenant.url}/login?tx=${tx}`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await page.text();
    for (const id of ['username', 'password', 'login-submit']) expect(html).toContain(`id="${id}"`);
    for (const email of Object.keys(expectedScopes)) expect(html).toContain(email);
    expect(html).toContain('dev-password');
    expect(html).not.toMatch(/(src|href)="https?:/);

    const { cookie } = await logIn(tenant, 'admin@example.com');
    const again = await get(authorizeUrl(tenant, { state: 'second' }), cookie);
    expect(again.status).toBe(302);
    const location = again.headers.get('location') ?? '';
    expect(location.startsWith(`${tenant.appOrigin}/callback#access_token=`)).toBe(true);
    expect(fragmentOf(location).get('state')).toBe('second');
  });

  it('answers a wrong password with the form again (401), a message and the username kept', async () => {
    const tx = await startLogin(tenant);
    const response = await postLogin(tenant, { tx, username: 'reader@example.com', password: 'wrong' });
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).toContain('id="login-error"');
    expect(html).toContain('Wrong email or password.');
    expect(html).toContain('value="reader@example.com"');

    // The pending request survives a typo.
    const retry = await postLogin(tenant, { tx, username: 'reader@example.com', password: 'dev-password' });
    expect(retry.status).toBe(302);
  });

  it('escapes what it echoes into the page', async () => {
    const tx = await startLogin(tenant);
    const response = await postLogin(tenant, { tx, username: '"><script>alert(1)</script>', password: 'x' });
    const html = await response.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('refuses an unknown or already used login transaction with an error page', async () => {
    const unknown = await postLogin(tenant, { tx: 'made-up', username: 'admin@example.com', password: 'dev-password' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('location')).toBeNull();
    expect(await unknown.text()).toContain('expired');

    const tx = await startLogin(tenant);
    expect((await postLogin(tenant, { tx, username: 'admin@example.com', password: 'dev-password' })).status).toBe(302);
    const replay = await postLogin(tenant, { tx, username: 'admin@example.com', password: 'dev-password' });
    expect(replay.status).toBe(400);

    expect((await get(`${tenant.url}/login?tx=made-up`)).status).toBe(400);
  });

  it('asks for the login again with prompt=login even with a session', async () => {
    const { cookie } = await logIn(tenant, 'guest@example.com');
    const response = await get(authorizeUrl(tenant, { prompt: 'login' }), cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/login\?tx=/);
  });
});
