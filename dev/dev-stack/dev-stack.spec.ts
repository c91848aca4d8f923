// npm run dev-stack as a person runs it, on free ports: the tenant and the API only, the app's origin
// registered with both in memory (no file written), the block to paste printed, Ctrl-C stops all.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DEV_TENANT_FILE } from '../../config/dev-tenant-file';
import { freePort, isListening } from '../../testing/free-port';
import { parseDevStackArgs } from './arguments';

const root = resolve(__dirname, '../..');

describe('npm run dev-stack', () => {
  const ports = { app: 0, api: 0, tenant: 0, yours: 0 };
  let child: ChildProcess;
  let output = '';
  let dataDir: string;
  let exited: Promise<number | null>;
  const tenantFileWritten = () => statSync(DEFAULT_DEV_TENANT_FILE).mtimeMs;
  let writtenBefore = 0;
  const origin = () => `http://localhost:${ports.yours}`;

  beforeAll(async () => {
    for (const name of Object.keys(ports) as (keyof typeof ports)[]) ports[name] = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'quickstart-dev-stack-'));
    writtenBefore = tenantFileWritten();
    // Node with tsx's loader: the tsx command SIGKILLs its child when it is slow to acknowledge the
    // Ctrl-C below (a busy machine), which would leave the tenant and the API running.
    child = spawn(process.execPath, ['--import', 'tsx', 'dev/dev-stack.ts', '--app-origin', origin()], {
      cwd: root,
      env: {
        ...process.env,
        AUTH0_DOMAIN: '',
        AUTH0_CLIENT_ID: '',
        AUTH0_AUDIENCE: '',
        CORS_ORIGINS: '',
        API_ORIGIN: '',
        DEV_TENANT_HOST: '',
        DEV_TENANT_CONFIG: '',
        DEV_TENANT_DATA_DIR: dataDir,
        APP_PORT: String(ports.app),
        API_PORT: String(ports.api),
        DEV_TENANT_PORT: String(ports.tenant),
      },
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((done) => child.once('exit', done));
    await new Promise<void>((ready, fail) => {
      const timer = setInterval(() => {
        if (!output.includes('Press Ctrl-C to stop.')) return;
        clearInterval(timer);
        ready();
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        fail(new Error(`dev-stack exited with ${code}:\n${output}`));
      });
    });
  }, 90_000);

  // Specs run in random order, so the Ctrl-C comes last, here: it stops the tenant and the API.
  afterAll(async () => {
    if (child?.exitCode === null) child.kill('SIGINT');
    expect(await exited)
      .withContext('exit code after Ctrl-C')
      .toBe(0);
    for (const port of [ports.api, ports.tenant])
      expect(await isListening(port))
        .withContext(`port ${port}`)
        .toBeFalse();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const authorize = (redirectUri: string) =>
    fetch(
      `http://localhost:${ports.tenant}/authorize?${new URLSearchParams({
        client_id: 'local-dev-spa',
        response_type: 'token id_token',
        redirect_uri: redirectUri,
        scope: 'openid',
        audience: 'https://quickstarts/api',
        state: 'state-1',
        nonce: 'nonce-1',
      }).toString()}`,
      { redirect: 'manual' },
    );

  it('starts the tenant and the API, nothing on APP_PORT, and prints the block to paste', async () => {
    expect(await isListening(ports.app)).toBeFalse();
    expect(output).toContain(`authProvider.configure({
      domain: 'http://localhost:${ports.tenant}',
      clientID: 'local-dev-spa',
      audience: 'https://quickstarts/api',
      scope: 'openid profile email read:messages write:messages manage:users',
      apiOrigin: 'http://localhost:${ports.api}',
      redirectUri: '${origin()}/',
    });`);
  });

  it("registers the app's page, index.html and /callback with the tenant, without writing the tenant file", async () => {
    for (const path of ['/', '/index.html', '/callback']) {
      const answer = await authorize(origin() + path);
      expect(answer.status).withContext(path).toBe(302);
      expect(new URL(answer.headers.get('location') ?? '', 'http://x').pathname)
        .withContext(path)
        .toBe('/login');
    }
    expect((await authorize(`http://localhost:${ports.app}/`)).status).not.toBe(302); // not registered
    expect(tenantFileWritten()).toBe(writtenBefore);
  });

  it("lets the app's origin call the API (CORS), and no other", async () => {
    const from = async (o: string) =>
      (await fetch(`http://localhost:${ports.api}/api/public`, { headers: { Origin: o } })).headers.get(
        'access-control-allow-origin',
      );
    expect(await from(origin())).toBe(origin());
    expect(await from(`http://localhost:${ports.app}`)).toBeNull();
  });
});

describe('dev-stack arguments', () => {
  it('takes an origin and an optional callback path, and says what is wrong otherwise', () => {
    expect(parseDevStackArgs(['--app-origin', 'http://localhost:8000/'])).toEqual({ origin: 'http://localhost:8000' });
    expect(parseDevStackArgs(['--app-origin=http://localhost:8000', '--callback', '/app/'])).toEqual({
      origin: 'http://localhost:8000',
      callback: '/app/',
    });
    expect(() => parseDevStackArgs([])).toThrowError(/--app-origin is required; usage: npm run dev-stack/);
    expect(() => parseDevStackArgs(['--app-origin', 'localhost:8000'])).toThrowError(/is not an origin/);
    expect(() => parseDevStackArgs(['--app-origin', 'http://localhost:8000', '--callback', '//evil'])).toThrowError(
      /must be a path on the app's origin/,
    );
    expect(() => parseDevStackArgs(['--port', '1'])).toThrowError(/unknown option --port/);
  });
});
