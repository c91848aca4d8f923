import { authorizeUrl, fragmentOf, get } from '../../../testing/tenant-requests';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

describe('dev tenant /authorize errors', () => {
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  async function expectErrorPage(url: string, code: string, text: string): Promise<void> {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain(`<strong id="error-code">${code}</strong>`);
    expect(html).toContain(text);
  }

  async function expectRedirectError(url: string, error: string, description: RegExp): Promise<void> {
    const response = await get(url);
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith(`${tenant.appOrigin}/callback#error=`)).toBe(true);
    const fragment = fragmentOf(location);
    expect(fragment.get('error')).toBe(error);
    expect(fragment.get('error_description')).toMatch(description);
    expect(fragment.get('state')).toBe('state-123');
  }

  it('shows an error page, never a redirect, for an unknown client', async () => {
    await expectErrorPage(
      authorizeUrl(tenant, { client_id: 'someone-else' }),
      'invalid_request',
      'Unknown client: someone-else',
    );
    await expectErrorPage(authorizeUrl(tenant, { client_id: undefined }), 'invalid_request', 'client_id');
  });

  it('shows an error page, never a redirect, for a redirect_uri that is not registered', async () => {
    await expectErrorPage(
      authorizeUrl(tenant, { redirect_uri: 'https://evil.test/callback' }),
      'unauthorized_client',
      'https://evil.test/callback',
    );
    // Exact match only: no prefix, no other port.
    await expectErrorPage(
      authorizeUrl(tenant, { redirect_uri: `${tenant.appOrigin}/callback/x` }),
      'unauthorized_client',
      'Callback URL mismatch',
    );
    await expectErrorPage(
      authorizeUrl(tenant, { redirect_uri: 'http://localhost:4201/callback' }),
      'unauthorized_client',
      'Callback URL mismatch',
    );
    await expectErrorPage(authorizeUrl(tenant, { redirect_uri: undefined }), 'invalid_request', 'redirect_uri');
  });

  it('escapes the client id it echoes', async () => {
    const response = await get(authorizeUrl(tenant, { client_id: '<img src=x onerror=alert(1)>' }));
    const html = await response.text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses a parameter given twice', async () => {
    const response = await get(`${authorizeUrl(tenant)}&redirect_uri=${encodeURIComponent('https://evil.test/')}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('refuses the app root as a callback: the app handles login responses on /callback only', async () => {
    // A response sent to / would leave both tokens in the address bar and the history.
    for (const responseMode of [undefined, 'web_message']) {
      await expectErrorPage(
        authorizeUrl(tenant, { redirect_uri: `${tenant.appOrigin}/`, response_mode: responseMode }),
        'unauthorized_client',
        'Callback URL mismatch',
      );
    }
  });

  it('answers access_denied for an unknown audience', async () => {
    await expectRedirectError(
      authorizeUrl(tenant, { audience: 'https://other/api' }),
      'access_denied',
      /^Service not found: https:\/\/other\/api$/,
    );
  });

  it('answers invalid_request when an id_token is asked for without a nonce', async () => {
    await expectRedirectError(authorizeUrl(tenant, { nonce: undefined }), 'invalid_request', /nonce/);
  });

  it('answers unsupported_response_type for a flow it does not emulate (hybrid)', async () => {
    await expectRedirectError(
      authorizeUrl(tenant, { response_type: 'code id_token' }),
      'unsupported_response_type',
      /code id_token/,
    );
  });

  it('accepts the response_type values auth0-js may send', async () => {
    for (const responseType of ['token id_token', 'id_token token', 'token', 'id_token']) {
      const response = await get(authorizeUrl(tenant, { response_type: responseType }));
      expect(response.headers.get('location'))
        .withContext(responseType)
        .toMatch(/^\/login\?tx=/);
    }
  });
});
