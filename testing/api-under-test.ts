// For specs: the real API on a free port, in front of a real JWKS server with keys made here.
import { request } from 'node:http';
import { createApp } from '../server/app';
import { requireAccessToken, type AccessTokenOptions } from '../server/auth';
import { startJwksServer, type JwksServer } from './jwks-server';
import { listen, type Listening } from './listen';
import { accessToken, makeTestKey, type TestKey, type TokenOptions } from './test-keys';

export const ISSUER = 'https://tenant.example.com/';
export const AUDIENCE = 'https://quickstarts/api';
export const APP_ORIGIN = 'http://localhost:3000';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { message?: string; error?: string; error_description?: string; code?: string; hint?: string };
}

export interface ApiUnderTest {
  api: Listening;
  jwks: JwksServer;
  key: TestKey;
  /** A valid access token (iat and exp from the API's clock) unless options override something. */
  token(options?: Partial<TokenOptions>): string;
  /**
   * Calls the API; fails the spec if the answer echoes any token that was sent. `authorizations`
   * sends each value as an Authorization header line of its own (fetch would join them into one).
   */
  call(path: string, init?: RequestInit & { bearer?: string; authorizations?: string[] }): Promise<Answer>;
  close(): Promise<void>;
}

// Made once per process: an RSA key takes a while to make, and every API under test has its own
// JWKS server anyway. A spec that needs another key (same kid or not) makes it with makeTestKey.
let sharedKey: Promise<TestKey> | undefined;

/** The API with requireAccessToken({ issuer: ISSUER, audience: AUDIENCE, jwksUri, ...options }). */
export async function startApiUnderTest(options: Partial<AccessTokenOptions> = {}): Promise<ApiUnderTest> {
  sharedKey ??= makeTestKey('key-1');
  const key = await sharedKey;
  const jwks = await startJwksServer([key.publicJwk]);
  const now = options.now ?? Date.now;
  const checkAccessToken = requireAccessToken({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksUri: jwks.jwksUri,
    ...options,
  });
  const api = await listen(createApp({ checkAccessToken, corsOrigins: [APP_ORIGIN] }));
  return {
    api,
    jwks,
    key,
    token: (tokenOptions = {}) => accessToken(ISSUER, AUDIENCE, { key, now, ...tokenOptions }),
    async call(path, { bearer, authorizations, ...init } = {}) {
      const headers = new Headers(init.headers);
      if (bearer !== undefined) headers.set('authorization', `Bearer ${bearer}`);
      const response = authorizations
        ? await getWithRepeatedAuthorization(`${api.url}${path}`, authorizations)
        : await fetch(`${api.url}${path}`, { ...init, headers });
      const text = await response.text();
      const sentBody = init.body instanceof URLSearchParams ? init.body.toString() : init.body;
      const sent = [bearer, ...(authorizations ?? []), typeof sentBody === 'string' ? sentBody : '', path].join(' ');
      const echoed = [text, ...response.headers.values()].join('\n');
      for (const jwt of sent.split(/[^\w.-]+/).filter((part) => part.length > 20 && part.split('.').length === 3)) {
        expect(echoed.includes(jwt)).withContext('the answer must not echo the token').toBeFalse();
        const signature = jwt.split('.')[2];
        if (signature.length > 8) expect(echoed.includes(signature)).withContext('no signature echoed').toBeFalse();
      }
      let body: Answer['body'] = {};
      try {
        body = JSON.parse(text) as Answer['body'];
      } catch {
        fail(`not JSON: ${text.slice(0, 200)}`);
      }
      return { status: response.status, headers: response.headers, text, body };
    },
    async close() {
      await api.close();
      await jwks.stop();
    },
  };
}

/** A 401 invalid_token answer with this code, explained in the body and in RFC 6750's challenge. */
export function expectInvalidToken(answer: Answer, code: string): void {
  expect(answer.status).withContext(answer.text).toBe(401);
  expect(answer.body.error).toBe('invalid_token');
  expect(answer.body.code).toBe(code);
  expect(answer.body.error_description).toBeTruthy();
  expect(answer.body.hint).toBeTruthy();
  expect(answer.headers.get('www-authenticate')).toMatch(
    /^Bearer realm="api", error="invalid_token", error_description="[^"]+"$/,
  );
}

/** A clock for requireAccessToken's `now` that moves only when told: time-based specs without waiting. */
export function manualClock(start = Date.now()): { now: () => number; advance(ms: number): void } {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}

/** A GET with one Authorization header line per value, answered as a fetch Response. */
function getWithRepeatedAuthorization(url: string, authorizations: string[]): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers))
          for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers }));
      });
      res.on('error', reject);
    });
    req.setHeader('authorization', authorizations); // an array: one header line per value
    req.on('error', reject);
    req.end();
  });
}
