// `npm run api` as a person runs it: configuration mistakes and a taken port end in one line each.
import { freePort, occupyPort } from '../../testing/free-port';
import { runScript, startScript } from '../../testing/run-script';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

const runApi = (env: Record<string, string>) => runScript(['server/main.ts'], { env });
const startApi = (env: Record<string, string>) => startScript(['server/main.ts'], { env });

describe('npm run api', () => {
  it('stops with one line for a domain with a path', async () => {
    const run = await runApi({
      AUTH0_DOMAIN: 'https://t.auth0.com/api/v2',
      AUTH0_CLIENT_ID: 'x',
      AUTH0_AUDIENCE: 'https://a',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Configuration error: AUTH0_DOMAIN="https://t.auth0.com/api/v2" must be a host only, without a path: use t.auth0.com.',
    );
  });

  it('stops with one line when API_PORT is taken', async () => {
    const { port, release } = await occupyPort();
    try {
      const run = await runApi({ API_PORT: String(port) });
      expect(run.code).toBe(1);
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
    const api = startApi({ API_PORT: String(port), DEV_TENANT_PORT: '4999' });
    try {
      await api.waitForOutput('audience');
      expect(api.output.stdout).toContain('issuer:   http://localhost:4999/');
      expect(api.output.stdout).toContain('audience: https://quickstarts/api');
      const answer = await fetch(`http://127.0.0.1:${port}/api/public`);
      expect(answer.status).toBe(200);
    } finally {
      await api.stop();
    }
  }, 20_000);

  it('starts on a real tenant without AUTH0_M2M_*, says /api/users will answer 503, and serves the rest', async () => {
    const port = await freePort();
    const api = startApi({
      AUTH0_DOMAIN: 'my-tenant.us.auth0.com',
      AUTH0_CLIENT_ID: 'spa123',
      AUTH0_AUDIENCE: 'https://quickstarts/api',
      API_PORT: String(port),
    });
    try {
      await api.waitForOutput('users:');
      expect(api.output.stdout).toContain('users:    no AUTH0_M2M_CLIENT_ID/SECRET: /api/users answers 503');
      expect((await fetch(`http://127.0.0.1:${port}/api/public`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/users`)).status)
        .withContext('no token: 401 first')
        .toBe(401);
    } finally {
      await api.stop();
    }
  }, 20_000);
});
