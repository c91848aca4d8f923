// npm run build:lib, into a temporary folder: what each package holds, the plain script's size, and
// the CommonJS middleware required by a plain JavaScript Express app, over HTTP.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startJwksServer, type JwksServer } from '../../testing/jwks-server';
import { accessToken, makeTestKey, type TestKey } from '../../testing/test-keys';
import { buildLib, PLAIN_SCRIPT_GZIP_BUDGET_BYTES, plainScriptSize, type BuiltLib } from './build-lib';
import { root } from './lib-packages';

const ISSUER = 'https://tenant.example.com/';
const AUDIENCE = 'https://quickstarts/api';

describe('npm run build:lib', () => {
  let dir: string;
  let lib: BuiltLib;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quickstart-lib-'));
    lib = await buildLib(join(dir, 'lib'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const json = (folder: string) =>
    JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      name: string;
      peerDependencies: Record<string, string>;
      exports: Record<string, Record<string, string> | string>;
    };

  it('writes the AngularJS module as plain scripts and an ES module with types, with its peers named', () => {
    for (const file of ['qs-auth.js', 'qs-auth.min.js', 'index.js', 'types/auth.standalone.d.ts', 'types/vendor.d.ts'])
      expect(existsSync(join(lib.client, file)))
        .withContext(file)
        .toBeTrue();
    const pkg = json(lib.client);
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['angular', 'angular-auth0', 'angular-jwt', 'auth0-js']);
    expect(pkg.peerDependencies['auth0-js']).toMatch(/^\^10\./);
    // The plain script takes the page's AngularJS and registers no second one.
    const plain = readFileSync(join(lib.client, 'qs-auth.js'), 'utf8');
    expect(plain).toContain('window.angular');
    expect(plain).not.toContain('Tried to load AngularJS more than once');
    expect(readFileSync(join(lib.client, 'types/auth.standalone.d.ts'), 'utf8')).toContain(
      '/// <reference path="./vendor.d.ts" />',
    );
    const esm = readFileSync(join(lib.client, 'index.js'), 'utf8');
    expect(esm).toMatch(/from ["']angular["']/);
  });

  it(`keeps the minified plain script within ${PLAIN_SCRIPT_GZIP_BUDGET_BYTES / 1024} KiB gzip, peers not included`, () => {
    expect(plainScriptSize(lib.client).gzip).toBeLessThanOrEqual(PLAIN_SCRIPT_GZIP_BUDGET_BYTES);
  });

  it('writes the middleware as CommonJS and ES modules with types, with its peers named', () => {
    for (const file of ['index.cjs', 'index.mjs', 'types/index.d.ts'])
      expect(existsSync(join(lib.server, file)))
        .withContext(file)
        .toBeTrue();
    const pkg = json(lib.server);
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['express', 'express-jwt', 'jwks-rsa']);
    expect(pkg.exports['.']).toEqual(jasmine.objectContaining({ require: './index.cjs', import: './index.mjs' }));
  });

  it('packs each folder with npm pack, under the names the docs give', () => {
    const pack = (folder: string) => {
      const run = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: folder, encoding: 'utf8' });
      expect(run.status).withContext(run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { filename: string; files: { path: string }[] }[])[0];
    };
    const server = pack(lib.server);
    expect(server.filename).toBe('qs-express-auth-1.0.0.tgz');
    expect(server.files.map((f) => f.path)).toEqual(
      jasmine.arrayContaining(['index.cjs', 'index.mjs', 'types/index.d.ts']),
    );
    const client = pack(lib.client);
    expect(client.filename).toBe('qs-angularjs-auth-1.0.0.tgz');
    expect(client.files.map((f) => f.path)).toEqual(
      jasmine.arrayContaining(['qs-auth.js', 'qs-auth.min.js', 'index.js']),
    );
  });

  describe('the CommonJS middleware in a plain JavaScript Express app', () => {
    let key: TestKey;
    let jwks: JwksServer;
    let app: ChildProcess;
    let api = '';

    beforeAll(async () => {
      key = await makeTestKey('key-1');
      jwks = await startJwksServer([key.publicJwk]);
      // The app's folder: its server file, the built package installed from its tarball (a copy), and
      // the peers (links to this checkout's, whose own dependencies resolve from there).
      const appDir = join(dir, 'app');
      mkdirSync(join(appDir, 'node_modules'), { recursive: true });
      copyFileSync(resolve(__dirname, 'fixtures/plain-express-app.js'), join(appDir, 'server.js'));
      cpSync(lib.server, join(appDir, 'node_modules', 'qs-express-auth'), { recursive: true });
      for (const peer of ['express', 'express-jwt', 'jwks-rsa'])
        symlinkSync(join(root, 'node_modules', peer), join(appDir, 'node_modules', peer));
      app = spawn(process.execPath, ['server.js'], {
        cwd: appDir,
        env: { ...process.env, ISSUER, AUDIENCE, JWKS_URI: jwks.jwksUri },
      });
      api = await new Promise<string>((ready, fail) => {
        let output = '';
        app.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const port = /listening on (\d+)/.exec(output)?.[1];
          if (port) ready(`http://127.0.0.1:${port}`);
        });
        app.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        app.once('exit', (code) => fail(new Error(`the app exited with ${code}:\n${output}`)));
      });
    }, 30_000);
    afterAll(async () => {
      app?.kill('SIGTERM');
      await jwks?.stop();
    });

    const call = (path: string, token?: string) =>
      fetch(api + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

    it('answers 401 without a token, 403 without the scope, 200 with it', async () => {
      const missing = await call('/api/private');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="api"');

      const reader = accessToken(ISSUER, AUDIENCE, { key, claims: { scope: 'openid' } });
      const refused = await call('/api/private-scoped', reader);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('insufficient_scope');

      const scoped = accessToken(ISSUER, AUDIENCE, { key, claims: { scope: 'openid read:messages' } });
      const ok = await call('/api/private-scoped', scoped);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ message: 'You have read:messages' });
      expect((await call('/api/private', scoped)).status).toBe(200);
    });
  });
});
