// The API around the token check: routes, CORS, security headers, and errors that reveal nothing.
import express from 'express';
import { unexpectedError } from './errors';
import { APP_ORIGIN, startApiUnderTest, type ApiUnderTest } from '../testing/api-under-test';
import { listen } from '../testing/listen';

describe('createApp', () => {
  let t: ApiUnderTest;
  beforeAll(async () => {
    t = await startApiUnderTest();
  });
  afterAll(() => t.close());

  it('serves the public route to anyone', async () => {
    const answer = await t.call('/api/public');
    expect(answer.status).toBe(200);
    expect(answer.body.message).toContain('public');
  });

  it('serves each protected route with a token that has what it needs', async () => {
    const bearer = t.token();
    expect((await t.call('/api/private', { bearer })).body.message).toContain('private');
    expect((await t.call('/api/private-scoped', { bearer })).body.message).toContain('read:messages');
    expect((await t.call('/api/admin', { method: 'POST', bearer })).body.message).toContain('write:messages');
  });

  it('answers unknown routes with JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api/admin'],
      ['GET', '/elsewhere'],
    ]) {
      const answer = await t.call(path, { method });
      expect(answer.status).toBe(404);
      expect(answer.body.error).toBe('not_found');
      expect(answer.body.hint).toBe(
        'The API serves GET /api/public, GET /api/private, GET /api/private-scoped, POST /api/admin, GET /api/users, POST /api/users/:id/roles and DELETE /api/users/:id/roles.',
      );
    }
  });

  it("sends helmet's security headers", async () => {
    const response = await fetch(`${t.api.url}/api/public`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  describe('CORS', () => {
    it("allows the app's origin, and lets it read the error headers", async () => {
      const response = await fetch(`${t.api.url}/api/private`, { headers: { origin: APP_ORIGIN } });
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    });

    it('does not allow another origin', async () => {
      const response = await fetch(`${t.api.url}/api/public`, { headers: { origin: 'http://evil.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers a preflight for the Authorization header before any token check', async () => {
      const preflight = (origin: string) =>
        fetch(`${t.api.url}/api/private`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'authorization',
          },
        });
      const allowed = await preflight(APP_ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      const other = await preflight('http://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('unexpected errors', () => {
    it('answer a generic 500 without stack or message, and log without tokens', async () => {
      const app = express();
      app.get('/boom', (req) => {
        throw new Error(`database exploded near ${req.headers.authorization}`);
      });
      app.use(unexpectedError);
      const server = await listen(app);
      const logged = spyOn(console, 'error');
      try {
        const token = t.token();
        const response = await fetch(`${server.url}/boom`, { headers: { authorization: `Bearer ${token}` } });
        const text = await response.text();
        expect(response.status).toBe(500);
        expect(JSON.parse(text)).toEqual(jasmine.objectContaining({ error: 'server_error', code: 'internal_error' }));
        expect(text).not.toContain('exploded');
        expect(text).not.toContain('.ts');
        expect(logged).toHaveBeenCalled();
        const log = logged.calls.allArgs().join('\n');
        expect(log).toContain('exploded');
        expect(log).not.toContain(token);
        expect(log).not.toContain(token.split('.')[2]);
      } finally {
        await server.close();
      }
    });

    it('are never how a bad request body is answered', async () => {
      const answer = await t.call('/api/admin', {
        method: 'POST',
        body: 'x='.padEnd(40_000, 'a'),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(answer.status).toBe(413);
      expect(answer.body.error).toBe('invalid_request');
      const malformed = await t.call('/api/admin', {
        method: 'POST',
        body: '{"access_token": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual(jasmine.objectContaining({ error: 'invalid_request', code: 'bad_request' }));
      const large = await t.call('/api/admin', {
        method: 'POST',
        body: JSON.stringify({ padding: ''.padEnd(40_000, 'a') }),
        headers: { 'content-type': 'application/json' },
      });
      expect(large.status).toBe(413);
      expect(large.body.error).toBe('invalid_request');
    });
  });
});
