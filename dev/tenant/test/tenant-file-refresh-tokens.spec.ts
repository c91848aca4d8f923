// The tenant file's settings of the code flow, in a0deploy's shape: a client's grant_types and
// refresh_token object, an API's allow_offline_access. A mistake is one line naming the path, as
// for the rest of the file; a misspelled key is a warning naming the key it likely means.
import {
  editedTenant,
  SPEC_ISSUER,
  SPEC_KEYWORDS,
  tenantFileRefusal,
  tenantFolder,
} from '../../../testing/tenant-files';
import { readTenantFile } from '../tenant-file/read-tenant-file';

describe("the tenant file's code-flow settings", () => {
  const folder = tenantFolder();
  afterAll(() => folder.remove());

  it('reads them into the model, with Auth0 defaults for what is left out', () => {
    const doc = editedTenant((d) => {
      d.clients[0].grant_types = ['authorization_code', 'refresh_token'];
      d.clients[0].refresh_token = { rotation_type: 'rotating', expiration_type: 'expiring', leeway: 5 };
      d.resourceServers[0].allow_offline_access = true;
    });
    const tenant = readTenantFile(folder.write(doc), { issuer: SPEC_ISSUER, keywords: SPEC_KEYWORDS });
    expect(tenant.warnings).toEqual([]);
    expect(tenant.clients[0].grantTypes).toEqual(['authorization_code', 'refresh_token']);
    expect(tenant.clients[0].refreshToken).toEqual({
      rotationType: 'rotating',
      expirationType: 'expiring',
      leewaySeconds: 5,
      tokenLifetimeSeconds: 2_592_000,
      infiniteTokenLifetime: true,
      idleTokenLifetimeSeconds: 1_296_000,
      infiniteIdleTokenLifetime: true,
    });
    expect(tenant.resourceServers[0].allowOfflineAccess).toBeTrue();
    // Left out: off, as for an API created in the dashboard.
    const plain = readTenantFile(folder.write(editedTenant(() => undefined)), {
      issuer: SPEC_ISSUER,
      keywords: SPEC_KEYWORDS,
    });
    expect(plain.resourceServers[0].allowOfflineAccess).toBeFalse();
  });

  it('refuses each mistake with one line naming its path', () => {
    const cases: [ReturnType<typeof editedTenant>, string][] = [
      [
        editedTenant((d) => (d.clients[0].grant_types = ['implicit', 'authorisation_code'])),
        'clients[0].grant_types[1]: "authorisation_code" is not a grant type of Auth0 (e.g. implicit, authorization_code, refresh_token, client_credentials)',
      ],
      [
        editedTenant((d) => (d.clients[0].refresh_token = { rotation_type: 'sometimes' })),
        'clients[0].refresh_token.rotation_type: rotating or non-rotating',
      ],
      [
        editedTenant((d) => (d.clients[0].refresh_token = { expiration_type: 'never' })),
        'clients[0].refresh_token.expiration_type: expiring or non-expiring',
      ],
      [
        editedTenant((d) => (d.clients[0].refresh_token = { token_lifetime: 40_000_000 })),
        'clients[0].refresh_token.token_lifetime: ',
      ],
      [editedTenant((d) => (d.clients[0].refresh_token = { leeway: -1 })), 'clients[0].refresh_token.leeway: '],
      [
        editedTenant(
          (d) =>
            (d.clients[0].refresh_token = {
              token_lifetime: 3600,
              infinite_token_lifetime: false,
              idle_token_lifetime: 7200,
              infinite_idle_token_lifetime: false,
            }),
        ),
        'clients[0].refresh_token.idle_token_lifetime: 7200 s is longer than token_lifetime (3600 s); the idle lifetime must not exceed it',
      ],
      [
        editedTenant((d) => (d.resourceServers[0].allow_offline_access = 'yes')),
        'resourceServers[0].allow_offline_access: ',
      ],
    ];
    for (const [doc, expected] of cases) {
      const { file, message } = tenantFileRefusal(folder, doc);
      expect(message).toContain(`${file}: ${expected}`);
    }
  });

  it('warns of a misspelled refresh_token key and of a misspelled allow_offline_access', () => {
    const doc = editedTenant((d) => {
      d.clients[0].refresh_token = { rotation_typ: 'rotating' };
      d.resourceServers[0].allow_ofline_access = true;
    });
    const file = folder.write(doc);
    const tenant = readTenantFile(file, { issuer: SPEC_ISSUER, keywords: SPEC_KEYWORDS });
    expect(tenant.warnings).toEqual([
      `${file}: clients[0].refresh_token.rotation_typ: unknown key, ignored; did you mean rotation_type?`,
      `${file}: resourceServers[0].allow_ofline_access: unknown key, ignored; did you mean allow_offline_access?`,
    ]);
  });
});
