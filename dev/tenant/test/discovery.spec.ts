import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

describe('dev tenant discovery documents', () => {
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  it('publishes the OpenID configuration with its endpoints under the issuer, readable from any origin', async () => {
    const response = await fetch(`${tenant.url}/.well-known/openid-configuration`, {
      headers: { Origin: 'http://elsewhere.test' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toEqual(
      jasmine.objectContaining({
        issuer: tenant.issuer,
        authorization_endpoint: `${tenant.issuer}authorize`,
        userinfo_endpoint: `${tenant.issuer}userinfo`,
        jwks_uri: `${tenant.issuer}.well-known/jwks.json`,
        end_session_endpoint: `${tenant.issuer}v2/logout`,
        revocation_endpoint: `${tenant.issuer}oauth/revoke`,
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      }),
    );
    // The code flow beside the implicit one (Auth0's "Authorization Code Flow with PKCE").
    expect(doc.response_types_supported).toEqual(['code', 'token id_token', 'token', 'id_token']);
    expect(doc.response_modes_supported).toEqual(['query', 'fragment', 'web_message']);
    expect(doc.grant_types_supported).toEqual([
      'authorization_code',
      'implicit',
      'client_credentials',
      'refresh_token',
    ]);
    expect(doc.token_endpoint_auth_methods_supported).toContain('none');
    expect(doc.scopes_supported as string[]).toEqual(
      jasmine.arrayContaining(['openid', 'profile', 'email', 'offline_access', 'read:messages', 'write:messages']),
    );
  });

  it('publishes one RS256 public key with a kid and no private parts', async () => {
    const response = await fetch(`${tenant.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBe(1);
    expect(Object.keys(keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(keys[0]).toEqual(jasmine.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' }));
    // 2048-bit modulus = 256 bytes = 342 base64url characters.
    expect(keys[0].n.length).toBe(342);
    expect(keys[0].kid).toMatch(/^[\w-]{20,}$/);
  });

  it('answers unknown routes with a plain 404', async () => {
    const response = await fetch(`${tenant.url}/oauth/token`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });
});
