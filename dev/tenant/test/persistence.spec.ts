// Users' changes outlive a restart: saved in the state folder (.dev-tenant/ for npm start), one
// file per tenant file, written atomically; a file that cannot be used is reported in one line and
// moved aside, never silently dropped or overwritten.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { stateFileFor } from '../stores/saved-users/saved-users';
import { roleId } from '../tenant-file/derived-ids';
import {
  management,
  userEditorToken,
  userPath,
  userTokens,
  withUserEditor,
} from '../../../testing/management-requests';
import { minimalTenant, shippedTenant, tenantFolder } from '../../../testing/tenant-files';

const ADMIN = 'auth0|dev-admin-0001';
const GUEST = 'auth0|dev-guest-0003';

describe("dev tenant: users' changes saved in the state folder", () => {
  // The shipped tenant file, named as it is, plus a client that may change users' metadata.
  const shipped = tenantFolder();
  const tenantFile = shipped.write(withUserEditor(shippedTenant()), {}, 'dev-tenant.yaml');
  afterAll(() => shipped.remove());
  let dir: string;
  let running: RunningDevTenant[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-tenant-state-'));
    running = [];
  });
  afterEach(async () => {
    await Promise.all(running.map((tenant) => tenant.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (options: { tenantFile?: string; stateDir?: string } = {}) => {
    const tenant = await startDevTenant({ stateDir: dir, tenantFile, ...options });
    running.push(tenant);
    return tenant;
  };
  const tokenFor = (tenant: RunningDevTenant) => userEditorToken(tenant);
  const stateFile = () => stateFileFor(dir, tenantFile);
  const consoleLines = (method: 'log' | 'error') => {
    const lines: string[] = [];
    spyOn(console, method).and.callFake((...args: unknown[]) => lines.push(args.map(String).join(' ')));
    return lines;
  };

  it('keeps metadata and role assignments across a restart, in a private file per tenant file', async () => {
    const first = await start();
    const token = await tokenFor(first);
    await management(first, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: { theme: 'dark' } } });
    await management(first, 'POST', `${userPath(GUEST)}/roles`, { token, body: { roles: [roleId('reader')] } });
    await first.close();

    expect(readdirSync(dir)).toEqual([basename(stateFile())]);
    expect(basename(stateFile())).toMatch(/^users-dev-tenant-[0-9a-f]{8}\.json$/);
    expect(statSync(stateFile()).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(stateFile(), 'utf8')) as { version: number; users: Record<string, unknown> };
    expect(saved.version).toBe(1);
    expect(saved.users).toEqual({
      [ADMIN]: { user_metadata: { favorite_color: 'green', theme: 'dark' }, updated_at: jasmine.any(String) },
      [GUEST]: { roles: ['reader'] },
    });

    const log = consoleLines('log');
    const second = await start();
    expect(log).toEqual([jasmine.stringContaining(`2 user(s) carry changes saved in ${stateFile()}`)]);
    const again = await tokenFor(second);
    expect((await management(second, 'GET', userPath(ADMIN), { token: again })).body.user_metadata).toEqual({
      favorite_color: 'green',
      theme: 'dark',
    });
    const { scope } = await userTokens(second, 'guest@example.com', { scope: 'openid read:messages' });
    expect(scope).toBe('openid read:messages');
  });

  it('keeps a metadata key named __proto__ as a plain key, across a restart, touching no prototype', async () => {
    const first = await start();
    const body = '{"user_metadata":{"__proto__":{"polluted":true}}}';
    const patched = await management(first, 'PATCH', userPath(ADMIN), { token: await tokenFor(first), body });
    expect(patched.status).toBe(200);
    await first.close();
    consoleLines('log');
    const second = await start();
    const admin = await management(second, 'GET', userPath(ADMIN), { token: await tokenFor(second) });
    expect(admin.text).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps another tenant file's changes apart, so switching DEV_TENANT_CONFIG is safe", async () => {
    const folder = tenantFolder();
    try {
      const other = await start({ tenantFile: folder.write(minimalTenant()) });
      const defaults = await start();
      const token = await tokenFor(defaults);
      await management(defaults, 'PATCH', userPath(ADMIN), { token, body: { app_metadata: { plan: 'pro' } } });
      const otherUser = other.context.users.all()[0];
      expect(otherUser.appMetadata).toEqual({});
      const reopened = await start({ tenantFile: folder.write(minimalTenant()) });
      expect(reopened.context.users.all()[0].appMetadata).toEqual({});
      expect(readdirSync(dir)).toEqual([basename(stateFile())]);
    } finally {
      folder.remove();
    }
  });

  it('writes many simultaneous changes in turn: the file ends valid, complete, without temporary files', async () => {
    const tenant = await start();
    const token = await tokenFor(tenant);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: { [`key${i}`]: i } } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 12 }, () => 200));
    await tenant.close();
    expect(readdirSync(dir)).toEqual([basename(stateFile())]);
    const saved = JSON.parse(readFileSync(stateFile(), 'utf8')) as { users: Record<string, { user_metadata: object }> };
    expect(Object.keys(saved.users[ADMIN].user_metadata).length).toBe(13);
  });

  for (const [what, content, problem] of [
    ['not JSON', '{"version": 1, "users": {', 'is not valid JSON'],
    [
      'not in the format',
      '{"version": 1, "users": {"auth0|dev-admin-0001": {"roles": "admin"}}}',
      'is not in the expected format',
    ],
  ]) {
    it(`reports a state file that is ${what} in one line, moves it aside with its content, and starts from the tenant file`, async () => {
      writeFileSync(stateFile(), content);
      const errors = consoleLines('error');
      const tenant = await start();
      expect(errors.length).toBe(1);
      const aside = readdirSync(dir).find((name) => name.includes('.corrupt-')) ?? '';
      expect(aside).toMatch(/^users-dev-tenant-[0-9a-f]{8}\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
      expect(errors[0]).toContain(`${stateFile()} ${problem}`);
      expect(errors[0]).toContain(`moved it to ${join(dir, aside)} (your changes are in it)`);
      expect(readFileSync(join(dir, aside), 'utf8')).toBe(content);
      const token = await tokenFor(tenant);
      const admin = await management(tenant, 'GET', userPath(ADMIN), { token });
      expect(admin.body.user_metadata).toEqual({ favorite_color: 'green' });
      await management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: { theme: 'dark' } } });
      expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toEqual(jasmine.objectContaining({ version: 1 }));
      expect(readFileSync(join(dir, aside), 'utf8')).toBe(content);
    });
  }

  it('says so in one line when a state file can be neither read nor moved aside, and never writes over it', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the state folder should be');
    const errors = consoleLines('error');
    const tenant = await start({ stateDir: blocker });
    expect(errors).toEqual([
      jasmine.stringMatching(/cannot be read \(ENOTDIR\) and cannot be moved aside; .* will not be saved/),
    ]);
    const token = await tokenFor(tenant);
    const patched = await management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: { a: 1 } } });
    expect(patched.status).toBe(200);
    expect(errors.length).toBe(1);
    expect(readFileSync(blocker, 'utf8')).toBe('a file where the state folder should be');
  });

  it('answers a change it cannot save, keeps it until the tenant stops, and says why in one line', async () => {
    const stateDir = join(dir, 'later');
    const tenant = await start({ stateDir });
    writeFileSync(stateDir, 'the folder cannot be created now');
    const errors = consoleLines('error');
    const token = await tokenFor(tenant);
    const patched = await management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: { a: 1 } } });
    expect(patched.status).toBe(200);
    expect(errors).toEqual([
      jasmine.stringMatching(
        /^dev tenant: cannot save user changes to .*\(E[A-Z]+\); they last until the tenant stops\.$/,
      ),
    ]);
    expect((await management(tenant, 'GET', userPath(ADMIN), { token })).body.user_metadata).toEqual(
      jasmine.objectContaining({ a: 1 }),
    );
  });

  it("drops saved roles the tenant file no longer has, saying so, and keeps other tenant files' users as they were", async () => {
    const saved = {
      version: 1,
      users: { [GUEST]: { roles: ['ghost', 'reader'] }, 'auth0|gone': { user_metadata: { kept: true } } },
    };
    writeFileSync(stateFile(), JSON.stringify(saved));
    const errors = consoleLines('error');
    const log = consoleLines('log');
    const tenant = await start();
    expect(errors).toEqual([jasmine.stringContaining('ignored the saved role(s) ghost of guest@example.com')]);
    expect(log).toEqual([jasmine.stringContaining('1 user(s) carry changes saved in')]);
    expect(tenant.context.users.findById(GUEST)?.roles).toEqual(['reader']);
    const token = await tokenFor(tenant);
    await management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: { a: 1 } } });
    const rewritten = JSON.parse(readFileSync(stateFile(), 'utf8')) as { users: Record<string, unknown> };
    expect(rewritten.users['auth0|gone']).toEqual({ user_metadata: { kept: true } });
  });
});
