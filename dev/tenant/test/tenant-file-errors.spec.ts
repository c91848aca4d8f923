// Mistakes in the tenant file: each refused with one line naming the file, the place in it and
// the problem, never a stack trace.
import { startDevTenant } from '../../../testing/dev-tenant';
import { TenantFileError } from '../tenant-file/tenant-file-error';
import {
  actionCode,
  editedTenant,
  tenantFileRefusal,
  tenantFolder,
  type TenantDoc,
} from '../../../testing/tenant-files';

describe('the tenant file refuses', () => {
  const folder = tenantFolder();
  afterAll(() => folder.remove());

  const refusal = (doc: Record<string, unknown> | string, files?: Record<string, string>) =>
    tenantFileRefusal(folder, doc, files);

  it('names the line and column of a YAML syntax error', () => {
    const { file, message } = refusal('clients:\n  - name: App\n    callbacks: [a, b\nroles: []\n');
    expect(message).toMatch(new RegExp(`^${file}: line 4, column 1: YAML syntax error: `));
  });

  it('names the path of a value that does not fit the schema', () => {
    const cases: [Record<string, unknown> | string, string][] = [
      [
        editedTenant((d) => (d.clients[0].callbacks = ['localhost:3000/callback'])),
        'clients[0].callbacks[0]: "localhost:3000/callback" is not an absolute http(s) URL',
      ],
      [
        editedTenant((d) => delete d.clients[0].client_id),
        'clients[0].client_id: missing: the dev tenant needs a fixed client_id',
      ],
      [
        editedTenant((d) => (d.clients[0].web_origins = ['http://localhost:3000/app'])),
        'clients[0].web_origins[0]: "http://localhost:3000/app" is not an origin',
      ],
      [
        editedTenant((d) => (d.resourceServers[0].token_dialect = 'rfc9068_profile')),
        'resourceServers[0].token_dialect: the dev tenant emulates access_token and access_token_authz only',
      ],
      [
        editedTenant((d) => (d.resourceServers[0].signing_alg = 'HS256')),
        'resourceServers[0].signing_alg: the dev tenant signs with RS256 only',
      ],
      [editedTenant((d) => (d.users[0].email = 'not-an-email')), 'users[0].email: not an email address'],
      [{ clients: 'App' }, 'clients: Invalid input: expected array, received string'],
      ['- just\n- a list\n', 'expected a mapping of sections'],
    ];
    for (const [doc, expected] of cases) {
      const { file, message } = refusal(doc);
      expect(message).toContain(`${file}: ${expected}`);
    }
  });

  it('refuses a reference to something the tenant does not have', () => {
    const grant = { client_id: 'Nobody', audience: 'https://api.test', scope: ['read:things'] };
    const cases: [Record<string, unknown>, string][] = [
      [
        editedTenant((d) => (d.clientGrants = [grant])),
        'clientGrants[0].client_id: no client named or with client_id "Nobody"',
      ],
      [
        editedTenant((d) => (d.clientGrants = [{ ...grant, client_id: 'App', audience: 'https://other' }])),
        'clientGrants[0].audience: no API with identifier "https://other"',
      ],
      [
        editedTenant((d) => (d.clientGrants = [{ ...grant, client_id: 'app-client', scope: ['delete:all'] }])),
        'clientGrants[0].scope[0]: "delete:all" is not a scope of the API https://api.test',
      ],
      [
        editedTenant(
          (d) => (d.clientGrants = [{ ...grant, client_id: 'App', audience: 'https://t.eu.auth0.com/api/v2/' }]),
        ),
        'clientGrants[0].audience: no API with identifier "https://t.eu.auth0.com/api/v2/"; for the Management API write ##DEV_TENANT_ORIGIN##/api/v2/',
      ],
      [
        editedTenant((d) => (d.roles[0].permissions[0].resource_server_identifier = 'https://gone')),
        'roles[0].permissions[0].resource_server_identifier: no API with identifier "https://gone"',
      ],
      [
        editedTenant((d) => (d.users[0].roles = ['viewer', 'owner'])),
        'users[0].roles[1]: no role named "owner" (roles: viewer)',
      ],
      [
        editedTenant((d) => d.users.push({ email: 'SOMEONE@example.com' })),
        'users[1].email: "someone@example.com" is used twice in users',
      ],
      [
        editedTenant((d) => (d.triggers = { 'post-login': [{ action_name: 'missing' }] })),
        'triggers.post-login[0].action_name: no action named "missing" (actions: none)',
      ],
    ];
    for (const [doc, expected] of cases) {
      const { file, message } = refusal(doc);
      expect(message).toContain(`${file}: ${expected}`);
    }
  });

  it('refuses a missing action file, and an action that cannot be loaded or exports no handler', async () => {
    const withAction = (code: string): TenantDoc =>
      editedTenant((d) => {
        d.actions = [{ name: 'tag', code, deployed: true, supported_triggers: [{ id: 'post-login', version: 'v3' }] }];
        d.triggers = { 'post-login': [{ action_name: 'tag' }] };
      });
    const missing = refusal(withAction('./actions/tag/code.js'));
    expect(missing.message).toBe(
      `${missing.file}: actions[0].code: ./actions/tag/code.js: no such file (paths are relative to the tenant file)`,
    );

    const broken = folder.write(withAction('./actions/broken/code.js'), {
      'actions/broken/code.js': 'exports.onExecutePostLogin = async (event, api) => {\n',
    });
    const noHandler = folder.write(withAction('./actions/none/code.js'), {
      'actions/none/code.js': 'exports.onExecuteCredentialsExchange = () => {};\n',
    });
    for (const [file, expected] of [
      [broken, /: actions\[0\]\.code: .*broken[/\\]code\.js cannot be loaded \(.*Error: /],
      [noHandler, /: actions\[0\]\.code: .*none[/\\]code\.js does not export onExecutePostLogin/],
    ] as const) {
      const error = await startDevTenant({ tenantFile: file }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(TenantFileError);
      expect((error as Error).message.split('\n').length).toBe(1);
      expect((error as Error).message).toMatch(expected);
    }
    const ok = folder.write(withAction('./actions/ok/code.js'), { 'actions/ok/code.js': actionCode('') });
    await (await startDevTenant({ tenantFile: ok })).close();
  });
});
