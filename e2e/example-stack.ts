// `npm run example` on free ports, as the e2e stacks run `npm start`: the plain-scripts example on a
// static server, the dev tenant and the API, with a temporary DEV_TENANT_DATA_DIR; stopped with SIGINT.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../testing/free-port';
import { freeStackPorts, root, stackEnv, type Stack } from './support/stack';

const READY_TIMEOUT_MS = 150_000;

/** The example is the app: `appOrigin` and `ports.app` are its static server's. */
export async function startExampleStack(): Promise<Stack> {
  const ports = { ...(await freeStackPorts()), app: await freePort() };
  const dataDir = mkdtempSync(join(tmpdir(), 'quickstart-e2e-tenant-'));
  // APP_PORT too is free: dev-stack starts nothing there, and nothing may collide with it.
  const env = stackEnv({ ...ports, app: await freePort() }, dataDir, { EXAMPLE_PORT: String(ports.app) });
  // Node with tsx's loader, as for npm start (stack.ts): the tsx command would SIGKILL the example when it
  // is slow to acknowledge the SIGINT, leaving the tenant and the API running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'dev/example/main.ts'], { cwd: root, env });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      done(code);
    }),
  );
  const deadline = Date.now() + READY_TIMEOUT_MS;
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes('Example (examples/plain-scripts/')) {
        clearInterval(timer);
        ready();
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        child.kill('SIGINT');
        void exited.then(() => fail(new Error(`npm run example was not ready in time:\n${output}`)));
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`npm run example exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    appOrigin: `http://localhost:${ports.app}`,
    apiOrigin: `http://localhost:${ports.api}`,
    tenantOrigin: `http://localhost:${ports.tenant}`,
    ports,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}
