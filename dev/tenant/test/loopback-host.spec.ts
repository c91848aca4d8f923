// DNS rebinding: a foreign page resolving its own name to 127.0.0.1 would read the tenant as
// same-origin; the Host header it cannot change gives it away.
import { request } from 'node:http';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';

/** A GET with exactly this Host header (fetch would set its own). */
function getWithHost(port: number, path: string, host: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, setHost: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    if (host !== undefined) req.setHeader('Host', host);
    req.on('error', fail);
    req.end();
  });
}

describe('dev tenant Host check', () => {
  let tenant: RunningDevTenant;

  beforeAll(async () => {
    tenant = await startDevTenant();
  });
  afterAll(() => tenant.close());

  it('answers requests that name it localhost, 127.0.0.1 or [::1] with its port', async () => {
    for (const host of [
      `localhost:${tenant.port}`,
      `127.0.0.1:${tenant.port}`,
      `[::1]:${tenant.port}`,
      `LOCALHOST:${tenant.port}`,
    ]) {
      const response = await getWithHost(tenant.port, '/.well-known/jwks.json', host);
      expect(response.status).withContext(host).toBe(200);
    }
  });

  it('refuses any other Host with a clear 403, on every route', async () => {
    const hosts = [
      `evil.test:${tenant.port}`,
      `localhost.evil.test:${tenant.port}`,
      `127.0.0.1.nip.io:${tenant.port}`,
      `localhost:${tenant.port + 1}`,
      'localhost',
      '',
    ];
    for (const host of hosts) {
      for (const path of ['/.well-known/jwks.json', '/authorize', '/userinfo']) {
        const response = await getWithHost(tenant.port, path, host);
        expect(response.status)
          .withContext(`${String(host)} ${path}`)
          .toBe(403);
        expect(response.body).toContain(`answers only to localhost:${tenant.port}`);
        expect(response.body).not.toContain('evil');
      }
    }
    // Without any Host header, Node itself answers 400 before the tenant sees the request.
    expect((await getWithHost(tenant.port, '/authorize', undefined)).status).toBe(400);
  });
});
