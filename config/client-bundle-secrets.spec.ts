// The API's machine-to-machine secret must never reach the browser: build the production bundle with
// marker credentials and look for them in every file webpack writes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEV_TENANT_CLIENT_ID } from './load-config';

const root = resolve(__dirname, '..');
const SECRET = 'marker-m2m-secret-5f3a9c';
const M2M_CLIENT_ID = 'marker-m2m-client-8e1d2b';

describe('the production bundle', () => {
  it('carries no AUTH0_M2M_* value, in any file', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'quickstart-secrets-'));
    try {
      const build = spawnSync(
        resolve(root, 'node_modules/.bin/webpack'),
        ['--mode', 'production', '--output-path', outDir],
        {
          cwd: root,
          encoding: 'utf8',
          env: {
            ...process.env,
            AUTH0_DOMAIN: '',
            AUTH0_CLIENT_ID: '',
            AUTH0_AUDIENCE: '',
            AUTH0_M2M_CLIENT_ID: M2M_CLIENT_ID,
            AUTH0_M2M_CLIENT_SECRET: SECRET,
          },
        },
      );
      expect(build.status).withContext(`webpack failed:\n${build.stdout}\n${build.stderr}`).toBe(0);
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
        statSync(join(outDir, file)).isFile(),
      );
      const contents = files.map((file) => ({ file, text: readFileSync(join(outDir, file), 'latin1') }));
      // The scan sees the baked configuration: the SPA's client id is there, so a secret would be too.
      expect(contents.some(({ text }) => text.includes(DEV_TENANT_CLIENT_ID))).toBeTrue();
      for (const { file, text } of contents) {
        expect(text.includes(SECRET)).withContext(`${file} holds AUTH0_M2M_CLIENT_SECRET`).toBeFalse();
        expect(text.includes(M2M_CLIENT_ID)).withContext(`${file} holds AUTH0_M2M_CLIENT_ID`).toBeFalse();
      }
      expect(build.stdout).not.toContain(SECRET);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 180_000);
});
