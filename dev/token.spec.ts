// `npm run -s token` as a person runs it: users' tokens, the M2M client's, and one-line refusals.
import { startDevTenant, useDevTenantLikeNpmStart } from '../testing/dev-tenant';
import { freePort } from '../testing/free-port';
import { runScript } from '../testing/run-script';
import { tenantFolder } from '../testing/tenant-files';

/** `npm run token` as a person runs it, against the dev tenant on `port`. */
async function token(
  port: number,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = await runScript(['dev/token.ts', ...args], {
    env: { APP_PORT: '3000', DEV_TENANT_PORT: String(port), ...env },
    timeoutMs: 15_000, // a hung run is killed, not left behind when the spec gives up
  });
  return { code: run.code, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
}

describe('npm run token', () => {
  const tenant = useDevTenantLikeNpmStart();

  it("prints the user's access token for the API", async () => {
    const run = await token(tenant().port, ['guest@example.com']);
    expect(run.code).toBe(0);
    const claims = claimsOf(run.stdout);
    expect(claims['aud']).toContain(tenant().audience);
    expect(claims['sub']).toBe('auth0|dev-guest-0003');
  }, 20_000);

  it('prints the id_token with --id-token, an opaque token with --no-audience', async () => {
    const id = await token(tenant().port, ['admin@example.com', '--id-token']);
    expect(claimsOf(id.stdout)['aud']).toBe(tenant().clientId);
    const opaque = await token(tenant().port, ['--no-audience']);
    expect(opaque.code).toBe(0);
    expect(opaque.stdout).toMatch(/^[\w-]{32}$/);
  }, 20_000);

  it('prints a client-credentials token with --m2m, for the API or the --audience given', async () => {
    const api = await token(tenant().port, ['--m2m']);
    expect(api.code).toBe(0);
    expect(claimsOf(api.stdout)).toEqual(
      jasmine.objectContaining({
        sub: 'local-dev-m2m@clients',
        aud: tenant().audience,
        gty: 'client-credentials',
        scope: 'read:messages',
      }),
    );
    const management = await token(tenant().port, ['--m2m', '--audience', `${tenant().issuer}api/v2/`]);
    expect(claimsOf(management.stdout)['aud']).toBe(`${tenant().issuer}api/v2/`);
    expect(claimsOf(management.stdout)['scope']).toContain('read:users');
  }, 20_000);

  it("prints a user's Management API token with the current_user scopes with --management", async () => {
    const run = await token(tenant().port, ['--management', 'guest@example.com']);
    expect(run.code).toBe(0);
    const claims = claimsOf(run.stdout);
    expect(claims['sub']).toBe('auth0|dev-guest-0003');
    expect(claims['aud']).toContain(`${tenant().issuer}api/v2/`);
    expect(claims['scope']).toBe(
      'openid profile email read:current_user update:current_user_metadata create:current_user_metadata delete:current_user_metadata',
    );
  }, 20_000);

  it('says in one line why it cannot give an M2M token, or what is wrong with the options', async () => {
    const unknownApi = await token(tenant().port, ['--m2m', '--audience', 'https://nope.test']);
    expect(unknownApi.code).toBe(1);
    expect(unknownApi.stderr).toBe('the dev tenant refused: access_denied: Service not found: https://nope.test');
    const wrongSecret = await token(tenant().port, ['--m2m'], {
      AUTH0_M2M_CLIENT_ID: 'local-dev-m2m',
      AUTH0_M2M_CLIENT_SECRET: 'wrong',
    });
    expect(wrongSecret.stderr).toBe('the dev tenant refused: access_denied: Unauthorized');
    for (const args of [
      ['--audience', 'https://x.test'],
      ['--m2m', '--management'],
      ['--m2m', 'guest@example.com'],
      ['--m2m', '--audience'],
    ]) {
      const run = await token(tenant().port, args);
      expect(run.code).withContext(args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(
        /; usage: npm run -s token -- \[email\] \[--id-token \| --no-audience \| --management\] \| --m2m \[--audience <api identifier>\]$/,
      );
    }
  }, 30_000);

  it('says in one line why it cannot give a token', async () => {
    const unknown = await token(tenant().port, ['nobody@example.com']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('the dev tenant refused: access_denied: Wrong email or password.');
    const down = await token(await freePort(), []);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^cannot reach the dev tenant at http:\/\/localhost:\d+: start it first/);
  }, 20_000);

  it("logs in the first user of DEV_TENANT_CONFIG's tenant file, with that file's password", async () => {
    const folder = tenantFolder();
    const file = folder.write(`
clients: [{ name: S, app_type: spa, client_id: s, callbacks: ['##APP_ORIGIN##/callback'], grant_types: [implicit] }]
resourceServers: [{ identifier: 'https://x.test', scopes: [{ value: 'x:read' }] }]
users: [{ user_id: first, email: first@x.test, password: first-secret }]
`);
    const other = await startDevTenant(
      { tenantFile: file, appOrigin: 'http://localhost:3000' },
      { hostName: 'localhost' },
    );
    try {
      const run = await token(other.port, [], { DEV_TENANT_CONFIG: file });
      expect(run.stderr).toBe('');
      const claims = claimsOf(run.stdout);
      expect(claims['sub']).toBe('auth0|first');
      expect(claims['scope']).toBe('openid profile email x:read');
    } finally {
      await other.close();
      folder.remove();
    }
  }, 20_000);
});
