// `npm run example`: examples/plain-scripts/ on a plain static server (EXAMPLE_PORT, default 8000),
// with the dev tenant and the API from `npm run dev-stack -- --app-origin http://localhost:EXAMPLE_PORT`.
// Builds the auth module's plain script first, as npm run build:lib does. One Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readPort } from '../../config/env-values';
import { loadConfigOrExit, loadDotEnv } from '../../config/load-config';
import { assembleExample } from './example-folder';
import { serveStatic } from './static-server';

const root = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  loadDotEnv();
  const port = readPort(process.env, 'EXAMPLE_PORT', 8000);
  const origin = `http://localhost:${port}`;
  const config = loadConfigOrExit();
  if (!config.useDevTenant) {
    console.error('npm run example runs the dev tenant: unset AUTH0_DOMAIN (in .env or the environment).');
    process.exit(1);
  }
  const folder = mkdtempSync(join(tmpdir(), 'quickstart-example-'));
  await assembleExample(folder, config, origin);

  let server: Server | undefined;
  // Node with tsx's loader rather than the tsx command: that command relays a signal to its child and
  // SIGKILLs it if the child has not acknowledged within about 60 ms, which a busy machine exceeds, and
  // dev-stack would then leave the tenant and the API running.
  const stack = spawn(process.execPath, ['--import', 'tsx', 'dev/dev-stack.ts', '--app-origin', origin], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    server?.close();
    server?.closeAllConnections();
    if (stack.exitCode === null) stack.kill('SIGINT');
    const done = () => {
      rmSync(folder, { recursive: true, force: true });
      process.exit(code);
    };
    if (stack.exitCode === null) stack.once('exit', done);
    else done();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));
  stack.once('exit', (code) => {
    if (!stopping) console.error(`dev-stack exited (${code}); stopping the example.`);
    stop(stopping ? 0 : 1);
  });

  let banner = '';
  stack.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (server || banner.includes('Press Ctrl-C to stop.')) return;
    banner += chunk.toString();
    if (!banner.includes('Press Ctrl-C to stop.')) return;
    // The tenant and the API answer: now the app's static files.
    serveStatic(folder, port).then(
      (listening) => {
        server = listening;
        console.log(`Example (examples/plain-scripts/, static files, no fallback): ${origin}/\nPress Ctrl-C to stop.`);
      },
      (error: Error) => {
        console.error(`The example cannot listen on ${origin}: ${error.message}; set EXAMPLE_PORT to a free port.`);
        stop(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
