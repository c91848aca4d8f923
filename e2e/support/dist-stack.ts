// docs/deploying.md's "Serving dist/" on free ports: a production build (webpack --mode production, as
// bench/bundle/measure-bundle.ts runs it) served by `npm run serve-dist` on the app's port, next to
// the dev tenant and the API as `npm run dev-tenant` and `npm run api` run them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freeStackPorts, root, stackEnv, stackOrigins, type Stack } from './stack';

const READY_TIMEOUT_MS = 180_000;

interface Running {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export interface DistStack extends Stack {
  /** The build's folder (index.html, main.[hash].js...). */
  distDir: string;
}

export async function startDistStack(extraEnv: Record<string, string> = {}): Promise<DistStack> {
  const ports = await freeStackPorts();
  const distDir = mkdtempSync(join(tmpdir(), 'quickstart-e2e-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'quickstart-e2e-tenant-'));
  const env = stackEnv(ports, dataDir, extraEnv);
  const origins = stackOrigins(ports, env);
  let output = '';
  const running: Running[] = [];

  const run = (name: string, command: string, args: string[]): Running => {
    // Own process group, so that stopping reaches tsx's child too.
    const child = spawn(resolve(root, 'node_modules/.bin', command), args, { cwd: root, env, detached: true });
    child.stdout?.on('data', (chunk) => (output += `[${name}] ${chunk}`));
    child.stderr?.on('data', (chunk) => (output += `[${name}] ${chunk}`));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const started = { name, child, exited };
    running.push(started);
    return started;
  };
  const stopAll = async (): Promise<void> => {
    const signal = (p: Running, name: NodeJS.Signals) => {
      try {
        if (p.child.exitCode === null && p.child.signalCode === null) process.kill(-p.child.pid!, name);
      } catch {
        // already gone
      }
    };
    running.forEach((p) => signal(p, 'SIGTERM'));
    const forceKill = setTimeout(() => running.forEach((p) => signal(p, 'SIGKILL')), 5000);
    await Promise.all(running.map((p) => p.exited));
    clearTimeout(forceKill);
    rmSync(distDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const fail = (why: string) => new Error(`${why}\n${output}`);
  const answering = async (p: Running, url: string): Promise<void> => {
    let gone = false;
    void p.exited.then(() => (gone = true));
    while (Date.now() < deadline) {
      if (gone) throw fail(`${p.name} exited before answering ${url}`);
      try {
        await fetch(url, { signal: AbortSignal.timeout(2000) });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw fail(`${p.name} did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s`);
  };

  try {
    // The build, the tenant and the API start together; the app's port is taken only once built.
    const tenant = run('tenant', 'tsx', ['dev/tenant/main.ts']);
    const api = run('api', 'tsx', ['server/main.ts']);
    const build = run('build', 'webpack', ['--mode', 'production', '--output-path', distDir]);
    await Promise.all([
      build.exited.then((code) => {
        if (code !== 0) throw fail(`the build exited with ${code}`);
      }),
      answering(tenant, `${origins.tenantOrigin}/.well-known/openid-configuration`),
      answering(api, `${origins.apiOrigin}/api/public`),
    ]);
    const serve = run('serve-dist', 'tsx', ['dev/serve-dist.ts', distDir]);
    await answering(serve, `${origins.appOrigin}/`);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    ...origins,
    distDir,
    output: () => output,
    stop: async () => {
      await stopAll();
      return running.find((p) => p.name === 'serve-dist')!.child.exitCode;
    },
  };
}
