// The API as `npm run api` runs it, in its own process, fed tokens an attacker or a careless tenant
// can make: whatever the token, the process must answer it and keep serving.
import { freePort } from '../../testing/free-port';
import { startJwksServer, type JwksServer } from '../../testing/jwks-server';
import { startScript, type RunningScript } from '../../testing/run-script';
import { accessToken, makeTestKey, nestedArrays, type TestKey } from '../../testing/test-keys';

const AUDIENCE = 'https://quickstarts/api';

describe('the API process (npm run api)', () => {
  let jwks: JwksServer;
  let key: TestKey;
  let api: RunningScript;
  let apiUrl: string;
  let issuer: string;
  let output: RunningScript['output'];

  beforeAll(async () => {
    key = await makeTestKey('key-1');
    jwks = await startJwksServer([key.publicJwk]); // serves /.well-known/jwks.json: a loopback tenant
    issuer = `${new URL(jwks.jwksUri).origin}/`;
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}`;
    api = startScript(['server/main.ts'], {
      env: {
        AUTH0_DOMAIN: issuer.slice(0, -1),
        AUTH0_CLIENT_ID: 'spec-client',
        AUTH0_AUDIENCE: AUDIENCE,
        API_PORT: String(port),
      },
      timeoutMs: 120_000,
    });
    output = api.output;
    await api.waitForOutput('audience');
    expect(output.stdout).toContain(`issuer:   ${issuer}`);
  }, 20_000);

  afterAll(async () => {
    await api?.stop();
    await jwks?.stop();
  });

  it('survives a validly signed token whose custom claim nests arrays thousands deep', async () => {
    // What a tenant signs when an Action copies user-editable metadata into the token: ~7 KB.
    const token = accessToken(issuer, AUDIENCE, {
      key,
      rawClaims: { 'https://example.com/meta': nestedArrays(2_400) },
    });
    expect(token.length).toBeGreaterThan(6_500);
    for (let i = 0; i < 3; i++) {
      const answer = await fetch(`${apiUrl}/api/private`, { headers: { authorization: `Bearer ${token}` } }).catch(
        (error: unknown) => error,
      );
      expect(answer instanceof Response ? answer.status : `no answer: ${String(answer)}`)
        .withContext(`request ${i + 1}; API output: ${(output.stdout + output.stderr).slice(-300)}`)
        .toBe(401);
    }
    expect((await fetch(`${apiUrl}/api/public`)).status).toBe(200);
    expect(output.code).toBeNull();
    expect(output.stdout + output.stderr).not.toContain('RangeError');
  });

  it("answers headers over Node's limit (a token grown too large) so that the app can read why (CORS)", async () => {
    const origin = 'http://localhost:3000'; // the default CORS origin
    const token = accessToken(issuer, AUDIENCE, { key, claims: { 'https://example.com/bulk': 'x'.repeat(20_000) } });
    const answer = await fetch(`${apiUrl}/api/private`, { headers: { origin, authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(431);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    const body = (await answer.json()) as Record<string, string>;
    expect(body.code).toBe('headers_too_large');
    expect(body.hint).toMatch(/access token/);

    const other = await fetch(`${apiUrl}/api/private`, {
      headers: { origin: 'http://evil.test', authorization: `Bearer ${token}` },
    });
    expect(other.status).toBe(431);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${apiUrl}/api/public`)).status).toBe(200);
  });
});
