// Post-login actions, run by a real tenant at every login and silent authentication: what they
// see (event), what they can do (claims on both tokens, deny), and what happens when they throw
// or never finish.
import { decodeJwt } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { authorizeUrl, fragmentOf, get, logIn, webMessageOf } from '../../../testing/tenant-requests';
import { minimalTenant, tenantFolder } from '../../../testing/tenant-files';

const ACTION = `
exports.onExecutePostLogin = async (event, api) => {
  const who = event.user.email.split('@')[0];
  if (who === 'denied') return api.access.deny('Members only, ' + event.user.name + '.');
  if (who === 'thrower') return event.user.user_metadata.missing.field;
  if (who === 'hanger') return new Promise(() => {});
  if (who === 'bulky') return api.idToken.setCustomClaim('https://test/bulk', 'x'.repeat(101 * 1024));
  const seen = {
    client: event.client,
    resource_server: event.resource_server,
    requested_scopes: event.transaction.requested_scopes,
    response_mode: event.transaction.response_mode,
    roles: event.authorization.roles,
    user_id: event.user.user_id,
    user_metadata: event.user.user_metadata,
    secret: event.secrets.GREETING,
    hostname: event.request.hostname,
    has_ip: typeof event.request.ip === 'string',
  };
  api.idToken.setCustomClaim('https://test/seen', seen);
  api.accessToken.setCustomClaim('https://test/seen', seen);
  api.accessToken.setCustomClaim('https://test/order', 'first');
  for (const claim of ['sub', 'scope', 'permissions', 'roles', 'urn:auth0:x', 'https://t.auth0.com/x']) {
    api.accessToken.setCustomClaim(claim, 'overridden');
    api.idToken.setCustomClaim(claim, 'overridden');
  }
};
`;

describe('dev tenant post-login actions', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  // The tenant's log lines, kept out of the specs' output and read by the specs about them.
  let log: jasmine.Spy;
  beforeEach(() => (log = spyOn(console, 'log')));

  beforeAll(async () => {
    const doc = minimalTenant();
    doc.users.push(
      { email: 'denied@example.com', name: 'Dee' },
      { email: 'thrower@example.com' },
      { email: 'hanger@example.com' },
      { email: 'bulky@example.com' },
    );
    doc.actions = [
      {
        name: 'inspect',
        code: './actions/inspect/code.js',
        deployed: true,
        secrets: [{ name: 'GREETING', value: 'hello' }],
        supported_triggers: [{ id: 'post-login', version: 'v3' }],
      },
      {
        name: 'second',
        code: './actions/second/code.js',
        deployed: true,
        supported_triggers: [{ id: 'post-login', version: 'v3' }],
      },
    ];
    doc.triggers = { 'post-login': [{ action_name: 'inspect' }, { action_name: 'second' }] };
    const file = folder.write(doc, {
      'actions/inspect/code.js': ACTION,
      // Synchronous is fine too; it runs second, so its claim wins.
      'actions/second/code.js':
        "exports.onExecutePostLogin = (event, api) => { api.accessToken.setCustomClaim('https://test/order', 'second'); };\n",
    });
    tenant = await startDevTenant({ tenantFile: file, actionTimeoutMs: 400 });
  });
  afterAll(async () => {
    await tenant.close();
    folder.remove();
  });

  it('puts the claims they set in both tokens, from what the event tells them', async () => {
    const url = authorizeUrl(tenant, { scope: 'openid profile read:things' });
    const fragment = fragmentOf((await logIn(tenant, 'someone@example.com', url)).location);
    const access = decodeJwt(fragment.get('access_token') ?? '');
    const id = decodeJwt(fragment.get('id_token') ?? '');
    const seen = {
      client: { client_id: 'app-client', name: 'App', metadata: {} },
      resource_server: { identifier: 'https://api.test' },
      requested_scopes: ['openid', 'profile', 'read:things'],
      response_mode: 'fragment',
      roles: ['viewer'],
      user_id: tenant.context.users.findByEmail('someone@example.com')?.userId,
      user_metadata: {},
      secret: 'hello',
      hostname: '127.0.0.1',
      has_ip: true,
    };
    expect(access['https://test/seen']).toEqual(seen);
    expect(id['https://test/seen']).toEqual(seen);
    expect(access['https://test/order']).toBe('second');
  });

  it('ignores the claims Auth0 restricts, with a log line, and keeps its own values', async () => {
    const url = authorizeUrl(tenant, { scope: 'openid profile email read:things' });
    const fragment = fragmentOf((await logIn(tenant, 'someone@example.com', url)).location);
    const access = decodeJwt(fragment.get('access_token') ?? '');
    expect(access.sub).toBe(tenant.context.users.findByEmail('someone@example.com')?.userId);
    expect(access.scope).toBe('openid profile email read:things');
    for (const claim of ['permissions', 'roles', 'urn:auth0:x', 'https://t.auth0.com/x'])
      expect(access[claim]).toBeUndefined();
    expect(decodeJwt(fragment.get('id_token') ?? '').sub).toBe(access.sub);
    const lines = log.calls.allArgs().map((args) => String(args[0]));
    expect(lines).toContain(
      'dev tenant: post-login action "inspect": api.accessToken.setCustomClaim("sub") ignored: sub is a claim Auth0 reserves.',
    );
    expect(lines).toContain(
      'dev tenant: post-login action "inspect": api.idToken.setCustomClaim("https://t.auth0.com/x") ignored: https://t.auth0.com/x uses a namespace that belongs to Auth0.',
    );
  });

  it('runs them at silent authentication too', async () => {
    const { cookie } = await logIn(tenant, 'someone@example.com');
    const silent = await get(authorizeUrl(tenant, { response_mode: 'web_message', prompt: 'none' }), cookie);
    const { response } = webMessageOf(await silent.text()).message;
    const seen = decodeJwt(String(response.id_token))['https://test/seen'] as Record<string, unknown>;
    expect(seen.response_mode).toBe('web_message');
  });

  it("ends the login with access_denied and the action's reason when it denies, with no session", async () => {
    const { location, response } = await logIn(tenant, 'denied@example.com');
    const fragment = fragmentOf(location);
    expect(location.startsWith(`${tenant.appOrigin}/callback#error=access_denied`)).toBeTrue();
    expect(fragment.get('error_description')).toBe('Members only, Dee.');
    expect(fragment.get('state')).toBe('state-123');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('dev_tenant_session='))).toBeFalse();
    expect(log).toHaveBeenCalledWith(
      'dev tenant: post-login action "inspect": denied the login of denied@example.com: Members only, Dee.',
    );
  });

  it('ends the login with access_denied and the error message when it throws, and keeps running', async () => {
    const fragment = fragmentOf((await logIn(tenant, 'thrower@example.com')).location);
    expect(fragment.get('error')).toBe('access_denied');
    expect(fragment.get('error_description')).toMatch(/^Cannot read properties of undefined/);
    const line = String(log.calls.mostRecent().args[0]);
    expect(line).toMatch(
      /^dev tenant: post-login action "inspect": threw TypeError: Cannot read properties of undefined .*; the login of thrower@example.com fails with access_denied\.$/,
    );
    expect(line).not.toMatch(/\bat .+:\d+:\d+/);
    expect(fragmentOf((await logIn(tenant, 'someone@example.com')).location).get('access_token')).toBeTruthy();
  });

  it('ends a login whose action never finishes after the time limit', async () => {
    const started = Date.now();
    const fragment = fragmentOf((await logIn(tenant, 'hanger@example.com')).location);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(fragment.get('error')).toBe('access_denied');
    expect(fragment.get('error_description')).toBe('The post-login flow did not finish within 0.4 seconds.');
    expect(log).toHaveBeenCalledWith(
      jasmine.stringMatching(/^dev tenant: post-login action "inspect" did not finish within 0.4 s/),
    );
  });

  it("fails the login whose custom claims for one token are over Auth0's 100 KB, naming the action", async () => {
    const fragment = fragmentOf((await logIn(tenant, 'bulky@example.com')).location);
    expect(fragment.get('error')).toBe('access_denied');
    expect(fragment.get('id_token')).toBeNull();
    expect(fragment.get('error_description')).toMatch(/custom claims .*100 KB/);
    expect(log).toHaveBeenCalledWith(
      jasmine.stringMatching(
        /^dev tenant: post-login action "inspect": the id_token's custom claims take \d+ bytes, over Auth0's limit of 100 KB per token; the login of bulky@example\.com fails with access_denied\.$/,
      ),
    );
  });
});
