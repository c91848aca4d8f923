// A tenant file the quickstart did not write (another API, scopes, roles, users, an action), used
// the way `npm start` uses one: the configuration takes the app's client, audience and scope from
// it, the login page lists its users, and the tokens carry what it says.
import { decodeJwt } from 'jose';
import { loadConfig } from '../../../config/load-config';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { get, startLogin } from '../../../testing/tenant-requests';
import { getTokensForUser } from '../../tenant-client/log-in';
import { tenantFolder } from '../../../testing/tenant-files';

const TENANT = `
clients:
  - name: Orders SPA
    app_type: spa
    client_id: orders-spa
    callbacks: ['##APP_ORIGIN##/callback']
    allowed_logout_urls: ['##APP_ORIGIN##']
    web_origins: ['##APP_ORIGIN##']
    grant_types: [implicit]
resourceServers:
  - name: Orders API
    identifier: https://orders.example
    scopes:
      - { value: 'orders:read', description: Read orders }
      - { value: 'orders:ship', description: Ship orders }
    enforce_policies: true
    token_dialect: access_token_authz
roles:
  - name: clerk
    permissions:
      - { permission_name: 'orders:read', resource_server_identifier: https://orders.example }
  - name: shipper
    permissions:
      - { permission_name: 'orders:read', resource_server_identifier: https://orders.example }
      - { permission_name: 'orders:ship', resource_server_identifier: https://orders.example }
actions:
  - name: tier
    code: ./tier.js
    deployed: true
    secrets: [{ name: TIER, value: gold }]
    supported_triggers: [{ id: post-login, version: v3 }]
triggers:
  post-login: [{ action_name: tier, display_name: Tier }]
connections: []
users:
  - { email: pat@orders.example, name: Pat, roles: [shipper], password: pat-secret, app_metadata: { plan: pro } }
  - { email: lee@orders.example, roles: [clerk] }
`;

const ACTION = `exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.setCustomClaim('https://orders.example/tier', event.secrets.TIER + ':' + event.user.app_metadata.plan);
};
`;

describe('dev tenant with another tenant file', () => {
  const folder = tenantFolder();
  let file: string;
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    file = folder.write(TENANT, { 'tier.js': ACTION });
    tenant = await startDevTenant({ tenantFile: file });
  });
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });

  it("gives the app the file's client, API and scopes, with no AUTH0_* variable", () => {
    const config = loadConfig({ DEV_TENANT_CONFIG: file });
    expect([config.clientId, config.audience, config.scope]).toEqual([
      'orders-spa',
      'https://orders.example',
      'openid profile email orders:read orders:ship',
    ]);
    expect([tenant.clientId, tenant.audience]).toEqual(['orders-spa', 'https://orders.example']);
    expect(tenant.context.tenant.ignoredSections).toEqual(['connections']);
  });

  it('lists its users, their roles and their own passwords on the login page', async () => {
    const html = await (await get(`${tenant.url}/login?tx=${await startLogin(tenant)}`)).text();
    expect(html).toContain('Log in to continue to Orders SPA');
    expect(html).toMatch(/<code>pat@orders\.example<\/code><\/td><td>shipper<\/td><td><code>pat-secret<\/code>/);
    expect(html).toMatch(/<code>lee@orders\.example<\/code><\/td><td>clerk<\/td><td><code>dev-password<\/code>/);
    expect(html).not.toContain('admin@example.com');
  });

  it("issues the tokens it describes: its scopes, permissions and its action's claim", async () => {
    const config = loadConfig({ DEV_TENANT_CONFIG: file });
    const login = (username: string, password: string) =>
      getTokensForUser(tenant.url, {
        username,
        password,
        clientId: config.clientId,
        audience: config.audience,
        scope: config.scope,
        redirectUri: `${tenant.appOrigin}/callback`,
      });
    const pat = await login('pat@orders.example', 'pat-secret');
    expect(pat.scope).toBe('openid profile email orders:read orders:ship');
    const claims = decodeJwt(pat.accessToken);
    expect(claims.aud).toEqual(['https://orders.example', `${tenant.issuer}userinfo`]);
    expect(claims.permissions).toEqual(['orders:read', 'orders:ship']);
    expect(claims['https://orders.example/tier']).toBe('gold:pro');
    expect(decodeJwt(pat.idToken).name).toBe('Pat');

    const lee = await login('lee@orders.example', 'dev-password');
    expect(lee.scope).toBe('openid profile email orders:read');
    expect(decodeJwt(lee.accessToken)['https://orders.example/tier']).toBe('gold:undefined');
    await expectAsync(login('pat@orders.example', 'dev-password')).toBeRejectedWith(
      jasmine.objectContaining({ error: 'access_denied', errorDescription: 'Wrong email or password.' }),
    );
  });
});
