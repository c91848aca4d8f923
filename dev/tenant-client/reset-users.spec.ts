// npm run dev-tenant:reset: the users back to the tenant file's, with the dev tenant running (it
// goes on with them at once) or not (the saved changes are deleted for the next start).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/load-config';
import { startDevTenant, type RunningDevTenant } from '../../testing/dev-tenant';
import { freePort } from '../../testing/free-port';
import { runScript } from '../../testing/run-script';
import { management, userEditorToken, userPath, userTokens, withUserEditor } from '../../testing/management-requests';
import { shippedTenant, tenantFolder } from '../../testing/tenant-files';
import { roleId } from '../tenant/tenant-file/derived-ids';
import { stateFileFor } from '../tenant/stores/saved-users/saved-users';
import { resetUsers } from './reset-users';

const GUEST = 'auth0|dev-guest-0003';

describe('npm run dev-tenant:reset (resetUsers)', () => {
  const folder = tenantFolder();
  const tenantFile = folder.write(withUserEditor(shippedTenant()));
  let dir: string;
  let tenant: RunningDevTenant | undefined;
  let said: string[];
  let complained: string[];
  const reset = (port: number) => {
    const config = loadConfig({
      DEV_TENANT_PORT: String(port),
      DEV_TENANT_DATA_DIR: dir,
      DEV_TENANT_CONFIG: tenantFile,
    });
    return resetUsers(
      config,
      (line) => said.push(line),
      (line) => complained.push(line),
    );
  };
  const start = () => startDevTenant({ tenantFile, stateDir: dir }, { hostName: 'localhost' });
  /** The guest made a reader, with a favourite colour of their own, through the Management API. */
  const change = async (running: RunningDevTenant) => {
    const token = await userEditorToken(running);
    await management(running, 'PATCH', userPath(GUEST), { token, body: { user_metadata: { favorite_color: 'red' } } });
    await management(running, 'POST', `${userPath(GUEST)}/roles`, { token, body: { roles: [roleId('reader')] } });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-tenant-reset-'));
    said = [];
    complained = [];
  });
  afterEach(async () => {
    await tenant?.close();
    tenant = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => folder.remove());

  it("puts a running tenant back to the tenant file's users at once, and deletes the saved changes", async () => {
    tenant = await start();
    await change(tenant);
    expect((await userTokens(tenant, 'guest@example.com', { scope: 'openid read:messages' })).scope).toBe(
      'openid read:messages',
    );
    expect(existsSync(stateFileFor(dir, tenantFile))).toBeTrue();

    expect(await reset(tenant.port)).toBeTrue();
    expect(complained).toEqual([]);
    expect(said).toEqual([jasmine.stringMatching(/^The dev tenant at http:\/\/localhost:\d+ has .*'s users again/)]);
    expect(existsSync(stateFileFor(dir, tenantFile))).toBeFalse();
    const guest = await management(tenant, 'GET', userPath(GUEST), { token: await userEditorToken(tenant) });
    expect(guest.body.user_metadata).toEqual({ favorite_color: 'orange' });
    expect((await userTokens(tenant, 'guest@example.com', { scope: 'openid read:messages' })).scope).toBe('openid');
  });

  it('deletes the saved changes when no tenant runs, so that the next start has the file users', async () => {
    const first = await start();
    await change(first);
    await first.close();
    expect(await reset(first.port))
      .withContext(complained.join('\n'))
      .toBeTrue();
    expect(said).toEqual([
      jasmine.stringMatching(/^Deleted .*users-tenant-1-[0-9a-f]{8}\.json: the dev tenant starts with/),
    ]);
    tenant = await start();
    expect(tenant.context.users.findById(GUEST)?.roles).toEqual([]);

    expect(await reset(await freePort())).toBeTrue();
    expect(said[1]).toMatch(/^Nothing to reset: no changes are saved for /);
  });

  it('is refused to a caller without its header, which no web page can send without a preflight', async () => {
    tenant = await start();
    const url = `${tenant.url}/dev-tenant/reset-users`;
    const bare = await fetch(url, { method: 'POST', headers: { origin: 'http://evil.test' } });
    expect(bare.status).toBe(403);
    expect(bare.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-dev-tenant-reset',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });
});

describe('npm run dev-tenant:reset (the command)', () => {
  it('says in one line that there is nothing to reset, and exits 0, with no tenant running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-tenant-reset-'));
    try {
      const run = await runScript(['dev/reset-users.ts'], {
        env: { DEV_TENANT_PORT: String(await freePort()), DEV_TENANT_DATA_DIR: dir },
      });
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(
        'Nothing to reset: no changes are saved for dev-tenant.yaml; the dev tenant starts with its users.',
      );
      expect(run.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
