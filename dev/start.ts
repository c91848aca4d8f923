// `npm start`: the dev tenant (only when no real tenant is configured), the API and the client dev
// server, as three child processes. One Ctrl-C stops all three; if one dies, the others are stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { loadConfigOrExit, loadDotEnv } from '../config/load-config';
import { appElsewhere } from './dev-stack/app-elsewhere';
import { configuredTenant } from './tenant-client/configured-tenant';
import { DEFAULT_USER_PASSWORD } from './tenant/model/tenant-users';

const root = resolve(__dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules', '.bin', name);

interface Service {
  name: string;
  command: string;
  args: string[];
  /** Answers (any status) once the service listens. */
  readyUrl: string;
}

loadDotEnv();
const config = loadConfigOrExit();
// Already read and checked by the configuration; its users go into the banner.
const tenant = config.useDevTenant ? configuredTenant(config) : undefined;
// npm run dev-stack (dev/dev-stack.ts): the app runs elsewhere, so nothing starts on APP_PORT.
const elsewhere = appElsewhere(process.env, config);

const services: Service[] = [
  ...(config.useDevTenant
    ? [
        {
          name: 'tenant',
          command: bin('tsx'),
          args: ['dev/tenant/main.ts'],
          readyUrl: `${config.issuer}.well-known/openid-configuration`,
        },
      ]
    : []),
  { name: 'api', command: bin('tsx'), args: ['server/main.ts'], readyUrl: `${config.apiOrigin}/api/public` },
  ...(elsewhere
    ? []
    : [{ name: 'app', command: bin('webpack'), args: ['serve', '--mode', 'development'], readyUrl: config.appOrigin }]),
];

const running = new Map<string, ChildProcess>();
let stopping = false;

function prefixLines(stream: NodeJS.ReadableStream, name: string, out: NodeJS.WriteStream): void {
  createInterface({ input: stream }).on('line', (line) => out.write(`[${name}] ${line}\n`));
}

function startService(service: Service): void {
  // Own process group, so stopping reaches tsx's and webpack's own children too.
  const child = spawn(service.command, service.args, { cwd: root, env: process.env, detached: true });
  running.set(service.name, child);
  prefixLines(child.stdout, service.name, process.stdout);
  prefixLines(child.stderr, service.name, process.stderr);
  child.on('exit', (code, signal) => {
    running.delete(service.name);
    if (!stopping) {
      console.error(`[${service.name}] exited (${signal ?? `code ${code}`}); stopping the others.`);
      void stopAll(1);
    }
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const children = [...running.values()];
  children.forEach((child) => signalGroup(child, 'SIGTERM'));
  const exited = children.map(
    (child) => new Promise((done) => (child.exitCode !== null ? done(null) : child.once('exit', done))),
  );
  const forceKill = setTimeout(() => children.forEach((child) => signalGroup(child, 'SIGKILL')), 5000);
  await Promise.all(exited);
  clearTimeout(forceKill);
  process.exit(exitCode);
}

async function waitUntilUp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return false;
}

function printBanner(): void {
  const lines = [
    '',
    'Auth0 AngularJS quickstart is running',
    `  App          ${elsewhere?.summary ?? config.appOrigin}${config.authFlow === 'code' ? `  (the code flow, tokens in ${config.authCache}: docs/switching-flows.md)` : ''}`,
    `  API          ${config.apiOrigin}/api/public`,
    config.useDevTenant
      ? `  Dev tenant   ${config.domain}  (embedded, offline; issuer ${config.issuer})`
      : `  Auth0 tenant ${config.domain}  (client ${config.clientId}, audience ${config.audience})`,
  ];
  if (tenant) {
    lines.push(`  Users        of ${tenant.source} (password: ${DEFAULT_USER_PASSWORD} unless shown)`);
    for (const user of tenant.users.slice(0, 20)) {
      const password = user.password === DEFAULT_USER_PASSWORD ? '' : `  password: ${user.password}`;
      lines.push(`    ${user.email.padEnd(24)} roles: ${user.roles.join(', ') || '(none)'}${password}`);
    }
    if (tenant.users.length > 20) lines.push(`    and ${tenant.users.length - 20} more`);
  }
  if (elsewhere) lines.push(...elsewhere.banner);
  lines.push('Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

// SIGHUP too: the children sit in their own process groups, so a closed terminal must not leave
// them running with the ports taken.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

services.forEach(startService);
void Promise.all(services.map((s) => waitUntilUp(s.readyUrl, 120_000))).then((up) => {
  if (stopping) return;
  if (up.every(Boolean)) {
    printBanner();
  } else {
    const late = services.filter((_, i) => !up[i]).map((s) => s.name);
    console.error(`Not answering after 120 s: ${late.join(', ')}; stopping.`);
    void stopAll(1);
  }
});
