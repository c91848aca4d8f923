// `npm run screenshots`: the docs' pictures, taken from the real app. Starts `npm start` on free
// ports with a temporary dev tenant data folder (the demo users as the tenant file has them), drives
// Debian's Chromium through the scenes marked `photographed`, and writes docs/images/<name>.png.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort } from '../../testing/free-port';
import { openScene, SCENES } from './scenes';

const root = resolve(__dirname, '..', '..');
const out = resolve(root, 'docs', 'images');

async function main(): Promise<void> {
  const [app, api, tenant] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'quickstart-screenshots-'));
  const env = {
    ...process.env,
    // Always the dev tenant, whatever .env says (empty counts as unset; set variables win over .env).
    AUTH0_DOMAIN: '',
    AUTH0_CLIENT_ID: '',
    AUTH0_AUDIENCE: '',
    API_ORIGIN: '',
    CORS_ORIGINS: '',
    DEV_TENANT_HOST: '',
    DEV_TENANT_CONFIG: '',
    DEV_TENANT_DATA_DIR: dataDir,
    APP_PORT: String(app),
    API_PORT: String(api),
    DEV_TENANT_PORT: String(tenant),
  };
  const stack = spawn(resolve(root, 'node_modules/.bin/tsx'), ['dev/start.ts'], { cwd: root, env });
  let output = '';
  const ready = new Promise<void>((done, fail) => {
    stack.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) done();
    });
    stack.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stack.once('exit', (code) => fail(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const stopped = new Promise((done) => stack.once('exit', done));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    await ready;
    const appOrigin = `http://localhost:${app}`;
    for (const scene of SCENES.filter((s) => s.photographed)) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 640 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await openScene(page, appOrigin, scene);
      const file = join(out, `${scene.name}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file.slice(root.length + 1)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    stack.kill('SIGINT');
    await stopped;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
