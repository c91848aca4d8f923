// The tenant file: Deploy CLI's placeholders, the sections the dev tenant does not emulate, and
// the default file as the README documents it.
import { DEFAULT_DEV_TENANT_FILE } from '../../../config/dev-tenant-file';
import { readTenantFile } from '../tenant-file/read-tenant-file';
import { DEFAULT_REFRESH_TOKEN_SETTINGS } from '../model/grant-types';
import {
  SPEC_ISSUER,
  SPEC_KEYWORDS,
  editedTenant,
  minimalTenant,
  tenantFileRefusal,
  tenantFolder,
} from '../../../testing/tenant-files';

const issuer = SPEC_ISSUER;
const keywords = SPEC_KEYWORDS;

describe('the tenant file', () => {
  const folder = tenantFolder();
  afterAll(() => folder.remove());

  const refusal = (doc: Record<string, unknown> | string, files?: Record<string, string>) =>
    tenantFileRefusal(folder, doc, files);

  it('replaces the known placeholders and names an unknown one where it is used', () => {
    const tenant = readTenantFile(folder.write(minimalTenant()), { issuer, keywords });
    expect(tenant.clients[0].callbackUrls).toEqual(['http://localhost:3000/callback']);

    const doc = editedTenant((d) => (d.clients[0].allowed_logout_urls = ['##APP_ORIGIN##', '##APP_URL##/bye']));
    const { file, message } = refusal(doc);
    expect(message).toBe(
      `${file}: clients[0].allowed_logout_urls[1]: unknown placeholder ##APP_URL## (the dev tenant replaces ##APP_ORIGIN##, ##DEV_TENANT_ORIGIN##, ##AUTH0_AUDIENCE##)`,
    );
    // Unquoted, as Deploy CLI allows it: replaced in the text before YAML reads it.
    const unquoted = readTenantFile(folder.write('resourceServers:\n  - identifier: ##AUTH0_AUDIENCE##\n'), {
      issuer,
      keywords,
    });
    expect(unquoted.resourceServers[0].identifier).toBe('https://quickstarts/api');
  });

  it('lists the sections it does not emulate, and accepts the fields of a real export it does not use', () => {
    const doc = {
      ...minimalTenant(),
      tenant: { friendly_name: 'Mine' },
      connections: [{ name: 'google-oauth2', strategy: 'google-oauth2' }],
      emailTemplates: [],
      attackProtection: { bruteForceProtection: { site_key: '##CAPTCHA_KEY##' } },
      triggers: { 'post-login': [], 'credentials-exchange': [{ action_name: 'x' }], 'pre-user-registration': [] },
    };
    doc.clients[0].jwt_configuration = { alg: 'RS256', lifetime_in_seconds: 36000 };
    const tenant = readTenantFile(folder.write(doc), { issuer, keywords });
    expect(tenant.ignoredSections).toEqual([
      'tenant',
      'connections',
      'emailTemplates',
      'attackProtection',
      'triggers.credentials-exchange',
    ]);
    expect(tenant.warnings).toEqual([]);
  });

  it('warns in one line per misspelled key, naming the nearest valid one, and still starts', () => {
    const doc: Record<string, unknown> = {
      ...editedTenant((d) => {
        d.users[0].email_verifed = true;
        d.clients[0].grant_type = ['implicit'];
        d.resourceServers[0].scopes = [{ value: 'read:things', descripton: 'Read' }];
      }),
      resourceServer: [],
      rules: [], // a section of a real export, one letter from roles: not a misspelling
    };
    const file = folder.write(doc);
    const tenant = readTenantFile(file, { issuer, keywords });
    expect(tenant.warnings).toEqual([
      `${file}: clients[0].grant_type: unknown key, ignored; did you mean grant_types?`,
      `${file}: resourceServers[0].scopes[0].descripton: unknown key, ignored; did you mean description?`,
      `${file}: users[0].email_verifed: unknown key, ignored; did you mean email_verified?`,
      `${file}: resourceServer: unknown key, ignored; did you mean resourceServers?`,
    ]);
    expect(tenant.ignoredSections).toEqual(['rules']);
    expect(tenant.users[0].emailVerified).toBeFalse();

    // A misspelled required key is the missing one: the refusal names the misspelling too.
    const scopes = editedTenant((d) => (d.resourceServers[0].scopes = [{ vaule: 'read:things' }]));
    expect(refusal(scopes).message).toMatch(
      /: resourceServers\[0\]\.scopes\[0\]\.value: missing: the scope \(is vaule a misspelling of value\?\)$/,
    );
  });

  it('reads the default file as the quickstart documents it', () => {
    const tenant = readTenantFile(DEFAULT_DEV_TENANT_FILE, { issuer, keywords });
    expect(tenant.ignoredSections).toEqual([]);
    const [spa, m2m] = tenant.clients;
    expect(spa).toEqual(
      jasmine.objectContaining({
        clientId: 'local-dev-spa',
        appType: 'spa',
        callbackUrls: ['http://localhost:3000/callback'],
        logoutUrls: ['http://localhost:3000'],
        webOrigins: ['http://localhost:3000'],
        grantTypes: ['implicit', 'authorization_code', 'refresh_token'],
        refreshToken: {
          rotationType: 'rotating',
          expirationType: 'expiring',
          leewaySeconds: 0,
          tokenLifetimeSeconds: 2592000,
          infiniteTokenLifetime: false,
          idleTokenLifetimeSeconds: 1296000,
          infiniteIdleTokenLifetime: false,
        },
      }),
    );
    expect(m2m).toEqual(
      jasmine.objectContaining({
        clientId: 'local-dev-m2m',
        appType: 'non_interactive',
        grantTypes: ['client_credentials'],
        // No refresh_token in the file: Auth0's defaults.
        refreshToken: DEFAULT_REFRESH_TOKEN_SETTINGS,
      }),
    );
    expect(m2m.clientSecret).toBeTruthy();
    const [api, management] = tenant.resourceServers;
    expect(api).toEqual(
      jasmine.objectContaining({
        identifier: 'https://quickstarts/api',
        enforcePolicies: true,
        tokenDialect: 'access_token_authz',
        tokenLifetimeForWebSeconds: 7200,
        allowOfflineAccess: true,
      }),
    );
    expect(api.scopes.map((s) => s.value)).toEqual(['read:messages', 'write:messages', 'manage:users']);
    expect(management).toEqual(jasmine.objectContaining({ identifier: `${issuer}api/v2/`, isManagementApi: true }));
    expect(tenant.clientGrants.map((g) => [g.clientId, g.audience])).toEqual([
      ['local-dev-m2m', 'https://quickstarts/api'],
      ['local-dev-m2m', `${issuer}api/v2/`],
    ]);
    expect(tenant.roles.map((r) => [r.name, r.permissions.map((p) => p.permissionName)])).toEqual([
      ['admin', ['read:messages', 'write:messages', 'manage:users']],
      ['reader', ['read:messages']],
    ]);
    expect(tenant.users.map((u) => [u.userId, u.email, u.name, u.nickname, u.roles, u.password])).toEqual([
      ['auth0|dev-admin-0001', 'admin@example.com', 'Ada Admin', 'admin', ['admin'], 'dev-password'],
      ['auth0|dev-reader-0002', 'reader@example.com', 'Riley Reader', 'reader', ['reader'], 'dev-password'],
      ['auth0|dev-guest-0003', 'guest@example.com', 'Gale Guest', 'guest', [], 'dev-password'],
    ]);
    for (const user of tenant.users) expect(typeof user.userMetadata.favorite_color).toBe('string');
    expect(tenant.postLoginActions.map((a) => a.name)).toEqual(['add-roles-to-tokens']);
  });
});
