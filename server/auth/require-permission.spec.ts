// requirePermission reads Auth0's RBAC `permissions` claim, and says which setting is off when it is absent.
import express from 'express';
import { startJwksServer, type JwksServer } from '../../testing/jwks-server';
import { listen, type Listening } from '../../testing/listen';
import { accessToken, makeTestKey, type TestKey } from '../../testing/test-keys';
import { authErrorHandler, requireAccessToken, requirePermission } from '.';

const ISSUER = 'https://tenant.example.com/';
const AUDIENCE = 'https://quickstarts/api';

describe('requirePermission', () => {
  let key: TestKey;
  let jwks: JwksServer;
  let api: Listening;

  beforeAll(async () => {
    key = await makeTestKey('key-1');
    jwks = await startJwksServer([key.publicJwk]);
    const app = express();
    const checkAccessToken = requireAccessToken({ issuer: ISSUER, audience: AUDIENCE, jwksUri: jwks.jwksUri });
    app.get('/users', checkAccessToken, requirePermission('manage:users'), (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/misplaced', requirePermission('manage:users'), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(authErrorHandler);
    app.use(((_err, _req, res, _next) => {
      res.status(500).json({ error: 'server_error' });
    }) as express.ErrorRequestHandler);
    api = await listen(app);
  });
  afterAll(async () => {
    await api.close();
    await jwks.stop();
  });

  async function call(claims: Record<string, unknown>, path = '/users') {
    const bearer = accessToken(ISSUER, AUDIENCE, { key, claims });
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    const body = (await response.json()) as Record<string, string>;
    return { status: response.status, body, challenge: response.headers.get('www-authenticate') };
  }

  it('lets a token through when its permissions include the one needed, whatever its scope', async () => {
    const answer = await call({ scope: 'openid', permissions: ['read:messages', 'manage:users'] });
    expect(answer.status).toBe(200);
  });

  it('answers 403 insufficient_scope naming the permission and the ones the token has', async () => {
    const answer = await call({ scope: 'manage:users', permissions: ['read:messages'] });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(jasmine.objectContaining({ error: 'insufficient_scope', code: 'insufficient_scope' }));
    expect(answer.body.error_description).toBe(
      'This route needs the permission "manage:users"; the token\'s permissions are ["read:messages"].',
    );
    expect(answer.body.hint).toContain('through a role');
    expect(answer.challenge).toMatch(/^Bearer realm="api", error="insufficient_scope", .*scope="manage:users"$/);
    expect((await call({ permissions: [] })).body.error_description).toContain("the token's permissions are none");
  });

  it('points at the RBAC settings when the token has no permissions claim (a scope alone is not enough)', async () => {
    for (const permissions of [undefined, 'manage:users']) {
      const answer = await call({ scope: 'openid manage:users', permissions });
      expect(answer.status).toBe(403);
      expect(answer.body.error_description).toContain('the token has no list of permissions');
      expect(answer.body.hint).toContain('enable RBAC and "Add Permissions in the Access Token"');
    }
  });

  it('is a programming error (500, not a 403) before requireAccessToken', async () => {
    const response = await fetch(`${api.url}/misplaced`);
    expect(response.status).toBe(500);
  });
});
