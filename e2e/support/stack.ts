// The stack under test is the real `npm start` (dev/start.ts) on free ports: dev tenant, API and
// webpack dev server, stopped with SIGINT like a person's Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, isListening } from '../../testing/free-port';
import { BLANK_CONFIGURATION } from '../../testing/run-script';

export interface Stack {
  appOrigin: string;
  apiOrigin: string;
  tenantOrigin: string;
  ports: { app: number; api: number; tenant: number };
  output: () => string;
  /** Sends SIGINT and resolves with the exit code once `npm start` has exited. */
  stop: () => Promise<number | null>;
}

export const root = resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 180_000; // webpack's first compile on a busy 2-core machine; beforeAll allows 240 s

export type StackPorts = Stack['ports'];

export async function freeStackPorts(): Promise<StackPorts> {
  return { app: await freePort(), api: await freePort(), tenant: await freePort() };
}

/**
 * What every process of a stack is told over the environment: the dev tenant on `ports`, whatever
 * `.env` says. Empty counts as unset (config/load-config.ts), and variables already set win over `.env`.
 */
export function stackVariables(ports: StackPorts | undefined, extraEnv: Record<string, string> = {}) {
  return {
    ...BLANK_CONFIGURATION,
    ...(ports
      ? { APP_PORT: String(ports.app), API_PORT: String(ports.api), DEV_TENANT_PORT: String(ports.tenant) }
      : {}),
    ...extraEnv,
  };
}

/**
 * The environment of every process of a stack, with the tenant's key and users' changes in `dataDir`
 * (a temporary folder: specs change roles and metadata, and a developer's own .dev-tenant/ must not see it).
 */
export function stackEnv(ports: StackPorts, dataDir: string, extraEnv: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DEV_TENANT_DATA_DIR: dataDir, ...stackVariables(ports, extraEnv) };
}

/** The origins of a stack; the tenant's host is DEV_TENANT_HOST's (localhost by default). */
export function stackOrigins(ports: StackPorts, env: NodeJS.ProcessEnv) {
  return {
    appOrigin: `http://localhost:${ports.app}`,
    apiOrigin: `http://localhost:${ports.api}`,
    tenantOrigin: `http://${env.DEV_TENANT_HOST || 'localhost'}:${ports.tenant}`,
    ports,
  };
}

export async function startStack(extraEnv: Record<string, string> = {}): Promise<Stack> {
  const ports = await freeStackPorts();
  return runStack({ script: 'dev/start.ts', name: 'npm start', readyLine: 'Press Ctrl-C to stop.', ports, extraEnv });
}

export interface StackProcess {
  /** The file run under Node, relative to the project's root. */
  script: string;
  /** How errors name the command, e.g. `npm start`. */
  name: string;
  /** A line of its output that says every service is listening. */
  readyLine: string;
  /** The ports the stack's origins name. */
  ports: StackPorts;
  extraEnv: Record<string, string>;
  /** The ports the process is told, when they differ from `ports` (the example's APP_PORT). */
  envPorts?: StackPorts;
}

/**
 * Starts a stack's process with a temporary DEV_TENANT_DATA_DIR, waits for its ready line and stops it
 * with SIGINT. Both `npm start` and `npm run example` are run this way, so they stop the same way.
 */
export async function runStack(run: StackProcess): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quickstart-e2e-tenant-'));
  const env = stackEnv(run.envPorts ?? run.ports, dataDir, run.extraEnv);
  // Node with tsx's loader, as `npm start` runs it minus the tsx command: that command relays a Ctrl-C
  // to its child and SIGKILLs it if the child has not answered within about 60 ms, which a busy machine
  // exceeds, and the stack would then leave its services running.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', run.script], { cwd: root, env });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      done(code);
    }),
  );

  // Gives up before the caller's beforeAll times out, and stops what it started when it does.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (output.includes(run.readyLine)) {
        clearInterval(timer);
        ready();
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        child.kill('SIGINT');
        const forceKill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        void exited.then(() => {
          clearTimeout(forceKill);
          fail(new Error(`${run.name} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output}`));
        });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`${run.name} exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    ...stackOrigins(run.ports, env),
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

/** A person's Ctrl-C: the stack's command exits 0 and every port it served is free again. */
export async function expectCtrlCStopsAll(stack: Stack): Promise<void> {
  expect(await stack.stop()).toBe(0);
  for (const port of Object.values(stack.ports))
    expect(await isListening(port))
      .withContext(`port ${port}`)
      .toBeFalse();
}
