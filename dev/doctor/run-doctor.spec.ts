import { DEFAULT_AUDIENCE } from '../../config/load-config';
import { startDevTenant, useDevTenantLikeNpmStart } from '../../testing/dev-tenant';
import { freePort } from '../../testing/free-port';
import { listen, type Listening } from '../../testing/listen';
import { runScript } from '../../testing/run-script';
import { minimalTenant, tenantFolder } from '../../testing/tenant-files';
import { runDoctor } from './run-doctor';

async function doctor(env: Record<string, string>): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  const ok = await runDoctor(env, (line) => lines.push(line));
  return { ok, lines };
}

describe('npm run doctor', () => {
  const tenant = useDevTenantLikeNpmStart();

  it('passes every check, token round trip included, against the dev tenant', async () => {
    const { ok, lines } = await doctor({ DEV_TENANT_PORT: String(tenant().port) });
    expect(lines.filter((line) => line.startsWith('FAIL'))).toEqual([]);
    expect(lines.join('\n')).toMatch(/^ok +token round trip: admin@example.com got an access token the API accepts/m);
    // The shipped M2M client has exactly the scopes the proxy uses: nothing "also granted, not used".
    expect(lines).toContain(
      'ok   Management API client: local-dev-m2m gets a Management API token with the 5 scopes the users proxy needs',
    );
    expect(ok).toBeTrue();
  });

  it('names AUTH0_AUDIENCE and the API identifier when the tenant has no such API (Service not found)', async () => {
    // The default tenant file's API is ##AUTH0_AUDIENCE##: the running tenant was started with the default.
    const { ok, lines } = await doctor({ DEV_TENANT_PORT: String(tenant().port), AUTH0_AUDIENCE: 'https://wrong/api' });
    expect(ok).toBeFalse();
    const output = lines.join('\n');
    expect(output).toContain(
      'FAIL token round trip: token round trip failed: access_denied: Service not found: https://wrong/api',
    );
    expect(output).toContain(
      `fix: the tenant has no API whose identifier is AUTH0_AUDIENCE ("https://wrong/api"). The dev tenant's API identifier is AUTH0_AUDIENCE as it was when the tenant started (default ${DEFAULT_AUDIENCE}): give the tenant, the API and the app the same AUTH0_AUDIENCE (restart npm start), or unset it.`,
    );
    expect(output).not.toContain('check the dev tenant');
  });

  it('runs the round trip with the most privileged user of a tenant file it did not write', async () => {
    const folder = tenantFolder();
    const doc = minimalTenant();
    doc.users = [{ email: 'plain@example.com' }, { email: 'boss@example.com', roles: ['viewer'], password: 'boss-pw' }];
    const file = folder.write(doc);
    const other = await startDevTenant(
      { tenantFile: file, appOrigin: 'http://localhost:3000' },
      { hostName: 'localhost' },
    );
    try {
      const { ok, lines } = await doctor({ DEV_TENANT_PORT: String(other.port), DEV_TENANT_CONFIG: file });
      expect(lines.join('\n')).toMatch(
        /^ok +token round trip: boss@example.com got an access token the API accepts \(scope: openid profile email read:things\)/m,
      );
      expect(ok).toBeTrue();
    } finally {
      await other.close();
      folder.remove();
    }
  });

  it('fails on a domain with a path, before any request', async () => {
    const { ok, lines } = await doctor({
      AUTH0_DOMAIN: 'https://t.auth0.com/api/v2',
      AUTH0_CLIENT_ID: 'x',
      AUTH0_AUDIENCE: 'https://a',
    });
    expect(ok).toBeFalse();
    expect(lines).toEqual([
      'FAIL configuration: AUTH0_DOMAIN="https://t.auth0.com/api/v2" must be a host only, without a path: use t.auth0.com.',
    ]);
  });

  it('fails on a missing audience for a real tenant', async () => {
    const { ok, lines } = await doctor({ AUTH0_DOMAIN: 't.auth0.com', AUTH0_CLIENT_ID: 'x' });
    expect(ok).toBeFalse();
    expect(lines[0]).toMatch(/^FAIL configuration: AUTH0_AUDIENCE is not set/);
  });

  it('fails clearly and quickly when the tenant cannot be reached', async () => {
    const closed = await freePort();
    const started = Date.now();
    const { ok, lines } = await doctor({
      AUTH0_DOMAIN: `http://127.0.0.1:${closed}`,
      AUTH0_CLIENT_ID: 'x',
      AUTH0_AUDIENCE: 'https://a',
    });
    expect(ok).toBeFalse();
    expect(lines[1]).toMatch(
      /^FAIL tenant reachable: cannot reach http:\/\/127\.0\.0\.1:\d+\/\.well-known\/openid-configuration \(ECONNREFUSED\)\n +fix: check AUTH0_DOMAIN/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up within a few seconds on a tenant that accepts connections but never answers', async () => {
    const silent = await listen(() => undefined); // holds every connection open, answers nothing
    try {
      const started = Date.now();
      const { ok, lines } = await doctor({
        AUTH0_DOMAIN: silent.url,
        AUTH0_CLIENT_ID: 'x',
        AUTH0_AUDIENCE: 'https://a',
      });
      expect(ok).toBeFalse();
      expect(lines[1]).toMatch(/^FAIL tenant reachable: .*\(no answer within 4 s\)/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await silent.close();
    }
  }, 15_000);

  it('says what is wrong with a JWKS that is not a key set, without a stack trace', async () => {
    // A discovery document naming its own origin, and a JWKS that is JSON but no key set.
    const odd: Listening = await listen((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        req.url === '/.well-known/openid-configuration'
          ? JSON.stringify({ issuer: `${odd.url}/`, jwks_uri: `${odd.url}/.well-known/jwks.json` })
          : 'null',
      );
    });
    try {
      const { ok, lines } = await doctor({
        AUTH0_DOMAIN: odd.url,
        AUTH0_CLIENT_ID: 'x',
        AUTH0_AUDIENCE: 'https://a',
      });
      expect(ok).toBeFalse();
      expect(lines.join('\n')).toContain(
        `FAIL JWKS: ${odd.url}/.well-known/jwks.json has no RS256 signing key with a kid`,
      );
    } finally {
      await odd.close();
    }
  });

  it('names both issuers when the tenant announces another one', async () => {
    // Same tenant reached as 127.0.0.1: its issuer says localhost, the API would expect 127.0.0.1.
    const { port } = tenant();
    const { ok, lines } = await doctor({
      AUTH0_DOMAIN: `http://127.0.0.1:${port}`,
      AUTH0_CLIENT_ID: 'x',
      AUTH0_AUDIENCE: DEFAULT_AUDIENCE,
    });
    expect(ok).toBeFalse();
    expect(lines.join('\n')).toContain(
      `FAIL issuer: the tenant says its issuer is "http://localhost:${port}/", the API will expect "http://127.0.0.1:${port}/"`,
    );
  });

  it('as a command: exit code 1, one line per problem, no stack trace', async () => {
    const run = await runScript(['dev/doctor.ts'], {
      env: { AUTH0_DOMAIN: 'http://example.com', AUTH0_CLIENT_ID: 'x', AUTH0_AUDIENCE: 'https://a' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(
      'FAIL configuration: AUTH0_DOMAIN="http://example.com" uses plain http on a non-loopback host; use https://example.com.',
    );
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
