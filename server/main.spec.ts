// `npm run api` as a person runs it: configuration mistakes and a taken port end in one line each.
import { spawnSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, occupyPort } from '../testing/free-port';

const root = resolve(__dirname, '..');
const tsx = resolve(root, 'node_modules', '.bin', 'tsx');
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function runApi(env: Record<string, string>) {
  return spawnSync(tsx, ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: '', AUTH0_AUDIENCE: '', CORS_ORIGINS: '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('npm run api', () => {
  it('stops with one line for a domain with a path', () => {
    const run = runApi({
      AUTH0_DOMAIN: 'https://t.auth0.com/api/v2',
      AUTH0_CLIENT_ID: 'x',
      AUTH0_AUDIENCE: 'https://a',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Configuration error: AUTH0_DOMAIN="https://t.auth0.com/api/v2" must be a host only, without a path: use t.auth0.com.',
    );
  });

  it('stops with one line when API_PORT is taken', async () => {
    const { port, release } = await occupyPort();
    try {
      const run = runApi({ API_PORT: String(port) });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `API_PORT ${port} is already in use: stop the other process or set API_PORT to a free port.`,
      );
      expect(run.stderr).not.toMatch(STACK_LINE);
    } finally {
      await release();
    }
  });

  it('answers /api/public on the configured port and prints the issuer and audience it expects', async () => {
    const port = await freePort();
    const child = spawn(tsx, ['server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        AUTH0_DOMAIN: '',
        AUTH0_CLIENT_ID: '',
        AUTH0_AUDIENCE: '',
        API_PORT: String(port),
        DEV_TENANT_PORT: '4999',
      },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    try {
      const deadline = Date.now() + 15_000;
      while (!out.includes('audience') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('issuer:   http://localhost:4999/');
      expect(out).toContain('audience: https://quickstarts/api');
      const answer = await fetch(`http://127.0.0.1:${port}/api/public`);
      expect(answer.status).toBe(200);
    } finally {
      child.kill();
    }
  }, 20_000);

  it('starts on a real tenant without AUTH0_M2M_*, says /api/users will answer 503, and serves the rest', async () => {
    const port = await freePort();
    const child = spawn(tsx, ['server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        AUTH0_DOMAIN: 'my-tenant.us.auth0.com',
        AUTH0_CLIENT_ID: 'spa123',
        AUTH0_AUDIENCE: 'https://quickstarts/api',
        AUTH0_M2M_CLIENT_ID: '',
        AUTH0_M2M_CLIENT_SECRET: '',
        CORS_ORIGINS: '',
        API_PORT: String(port),
      },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    try {
      const deadline = Date.now() + 15_000;
      while (!out.includes('users:') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('users:    no AUTH0_M2M_CLIENT_ID/SECRET: /api/users answers 503');
      expect((await fetch(`http://127.0.0.1:${port}/api/public`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/users`)).status)
        .withContext('no token: 401 first')
        .toBe(401);
    } finally {
      child.kill();
    }
  }, 20_000);
});
