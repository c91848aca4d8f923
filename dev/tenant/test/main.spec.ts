import { freePort, occupyPort } from '../../../testing/free-port';
import { startScript } from '../../../testing/run-script';
import { minimalTenant, tenantFolder } from '../../../testing/tenant-files';

/** `npm run dev-tenant`'s entry point, in its own process. */
function startMain(env: Record<string, string>) {
  return startScript(['dev/tenant/main.ts'], { env: { NODE_ENV: 'development', ...env } });
}

describe('npm run dev-tenant (dev/tenant/main.ts)', () => {
  const folder = tenantFolder();
  afterAll(() => folder.remove());

  it('refuses to start with NODE_ENV=production, in one line', async () => {
    const port = await freePort();
    const run = await startMain({ NODE_ENV: 'production', DEV_TENANT_PORT: String(port) }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').length).toBe(1);
    expect(run.stderr).toContain('NODE_ENV=production');
  }, 30_000);

  it('names DEV_TENANT_PORT when its port is taken', async () => {
    const { port, release } = await occupyPort();
    try {
      const run = await startMain({ DEV_TENANT_PORT: String(port) }).exited;
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n').length).toBe(1);
      expect(run.stderr).toContain('DEV_TENANT_PORT');
      expect(run.stdout).not.toContain('listening');
    } finally {
      await release();
    }
  }, 30_000);

  it('serves on loopback, prints its URL, and stops on SIGTERM', async () => {
    const port = await freePort();
    const main = startMain({ DEV_TENANT_PORT: String(port) });
    const run = main.output;
    try {
      await main.waitForOutput('listening');
      expect(run.stdout).toContain(`http://localhost:${port}`);
      const response = await fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`);
      expect(((await response.json()) as { issuer: string }).issuer).toBe(`http://localhost:${port}/`);
    } finally {
      await main.stop();
    }
    expect(run.code).toBe(0);
  }, 30_000);

  it('refuses a broken tenant file in one line naming the file and the place, and exits 1', async () => {
    const broken = minimalTenant();
    broken.clients[0].callbacks = ['/callback'];
    const file = folder.write(broken);
    const run = await startMain({ DEV_TENANT_CONFIG: file, DEV_TENANT_PORT: String(await freePort()) }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `Configuration error: ${file}: clients[0].callbacks[0]: "/callback" is not an absolute http(s) URL`,
    ]);
    expect(run.stdout).not.toContain('listening');
  }, 30_000);

  it('refuses an action that cannot be loaded, in one line, even with a real tenant configured', async () => {
    const doc = {
      ...minimalTenant(),
      actions: [{ name: 'a', code: './a.js', supported_triggers: [{ id: 'post-login' }] }],
      triggers: { 'post-login': [{ action_name: 'a' }] },
    };
    const file = folder.write(doc, { 'a.js': 'module.exports = {};\n' });
    const run = await startMain({
      DEV_TENANT_CONFIG: file,
      DEV_TENANT_PORT: String(await freePort()),
      AUTH0_DOMAIN: 't.auth0.com',
      AUTH0_CLIENT_ID: 'abc',
      AUTH0_AUDIENCE: 'https://a',
    }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      jasmine.stringMatching(/: actions\[0\]\.code: .*a\.js does not export onExecutePostLogin/),
    ]);
  }, 30_000);

  it('lists once, in one line, the sections it does not emulate, and warns once per misspelled key', async () => {
    const doc = { ...minimalTenant(), connections: [], emailTemplates: [] };
    doc.users[0].email_verifed = true;
    const file = folder.write(doc);
    const port = await freePort();
    const main = startMain({ DEV_TENANT_CONFIG: file, DEV_TENANT_PORT: String(port) });
    const run = main.output;
    try {
      await main.waitForOutput('listening');
      expect(run.stdout.split('\n').filter((line) => line.includes('ignored'))).toEqual([
        `${file}: not emulated, ignored: connections, emailTemplates.`,
      ]);
      expect(run.stderr.trim().split('\n')).toEqual([
        `${file}: users[0].email_verifed: unknown key, ignored; did you mean email_verified?`,
      ]);
    } finally {
      await main.stop();
    }
  }, 30_000);
});
