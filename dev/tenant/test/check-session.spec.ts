import { createRemoteJWKSet, jwtVerify } from 'jose';
import { authorizeUrl, get, logIn, webMessageOf } from '../../../testing/tenant-requests';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

// auth0-js checkSession(): /authorize in a hidden iframe with response_mode=web_message&prompt=none.
describe('dev tenant web_message responses (checkSession)', () => {
  let tenant: RunningDevTenant;
  let silentUrl: (overrides?: Record<string, string | undefined>) => string;

  beforeAll(async () => {
    tenant = await startDevTenant();
    silentUrl = (overrides = {}) =>
      authorizeUrl(tenant, {
        response_mode: 'web_message',
        prompt: 'none',
        redirect_uri: `${tenant.appOrigin}/callback`,
        ...overrides,
      });
  });
  afterAll(() => tenant.close());

  it('posts login_required to the app origin when there is no session', async () => {
    const response = await get(silentUrl());
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'nonce-[\w-]+'/);
    expect(csp).toContain(`frame-ancestors ${tenant.appOrigin}`);
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    const nonce = /script-src 'nonce-([\w-]+)'/.exec(csp)?.[1];
    expect(html).toContain(`<script nonce="${nonce}">`);
    const { message, targetOrigin } = webMessageOf(html);
    expect(targetOrigin).toBe(tenant.appOrigin);
    expect(message).toEqual({
      type: 'authorization_response',
      response: { error: 'login_required', error_description: 'Login required', state: 'state-123' },
    });
  });

  it('recognises the session by its compat cookie alone (a browser that refused SameSite=None)', async () => {
    const { response: login } = await logIn(tenant, 'reader@example.com');
    const compat = login.headers.getSetCookie().find((c) => c.startsWith('dev_tenant_session_compat='));
    const response = await get(silentUrl({ state: 'compat' }), compat?.split(';')[0]);
    const { message } = webMessageOf(await response.text());
    expect(message.response['access_token']).toEqual(jasmine.any(String));
  });

  it('posts fresh tokens when the session cookie is there', async () => {
    const { cookie } = await logIn(tenant, 'reader@example.com');
    const response = await get(silentUrl({ state: 'silent-1' }), cookie);
    expect(response.status).toBe(200);
    const { message } = webMessageOf(await response.text());
    const result = message.response;
    expect(result).toEqual(
      jasmine.objectContaining({
        state: 'silent-1',
        token_type: 'Bearer',
        expires_in: 7200,
        scope: 'openid profile email read:messages',
      }),
    );
    const jwks = createRemoteJWKSet(new URL(`${tenant.url}/.well-known/jwks.json`));
    const id = await jwtVerify(String(result.id_token), jwks, { issuer: tenant.issuer, audience: tenant.clientId });
    expect(id.payload.nonce).toBe('nonce-456');
    await jwtVerify(String(result.access_token), jwks, { issuer: tenant.issuer, audience: tenant.audience });
  });

  it('posts validation errors through the same channel', async () => {
    const response = await get(silentUrl({ audience: 'https://unknown/api' }));
    const { message } = webMessageOf(await response.text());
    expect(message.response.error).toBe('access_denied');
    expect(message.response.state).toBe('state-123');
  });

  it('refuses to post to an origin that is not registered, with an error page', async () => {
    const response = await get(silentUrl({ redirect_uri: 'http://evil.test/' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).not.toContain('postMessage');
    expect(html).toContain('id="error-code"');
  });

  it('escapes the state so it cannot break out of the script', async () => {
    const response = await get(silentUrl({ state: '</script><script>alert(1)</script>' }));
    const html = await response.text();
    expect(html).not.toContain('</script><script>');
    expect(webMessageOf(html).message.response.state).toBe('</script><script>alert(1)</script>');
  });
});
