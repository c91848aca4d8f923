// The API publishes what it checks, so the app's token inspector can compare a token with it.
import type { RequestHandler } from 'express';
import { createApp } from '../app';
import { listen, type Listening } from '../../testing/listen';
import { startApiUnderTest } from '../../testing/api-under-test';
import { ROUTE_SCOPES } from './token-requirements';

describe('GET /api/token-requirements', () => {
  let api: Listening;
  const refuseAll: RequestHandler = (_req, res) => void res.status(401).end();
  beforeAll(async () => {
    const requirements = { issuer: 'https://tenant.example/', audience: 'https://quickstarts/api' };
    api = await listen(
      createApp({ checkAccessToken: refuseAll, corsOrigins: ['http://localhost:4200'], requirements }),
    );
  });
  afterAll(() => api.close());

  it('answers anyone with the issuer, the audience and the scope of each route, with CORS for the app', async () => {
    const answer = await fetch(`${api.url}/api/token-requirements`, { headers: { Origin: 'http://localhost:4200' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    expect(await answer.json()).toEqual({
      issuer: 'https://tenant.example/',
      audience: 'https://quickstarts/api',
      algorithms: ['RS256'],
      scopes: {
        'GET /api/private-scoped': 'read:messages',
        'POST /api/admin': 'write:messages',
        'GET /api/users': 'manage:users',
        'POST /api/users/:id/roles': 'manage:users',
        'DELETE /api/users/:id/roles': 'manage:users',
      },
    });
  });

  it('is among the routes the 404 names', async () => {
    const answer = await fetch(`${api.url}/api/nope`);
    expect(((await answer.json()) as { hint: string }).hint).toContain('GET /api/token-requirements');
  });

  it('publishes the scope each route really checks: a token without it gets 403 naming that scope', async () => {
    const t = await startApiUnderTest();
    try {
      const bearer = t.token({ claims: { scope: 'openid' } });
      for (const [route, scope] of Object.entries(ROUTE_SCOPES)) {
        const [method, path] = route.split(' ');
        const answer = await t.call(path.replace(':id', 'auth0%7Cx'), { method, bearer });
        expect(answer.status).withContext(route).toBe(403);
        expect(answer.headers.get('www-authenticate')).withContext(route).toContain(`scope="${scope}"`);
      }
    } finally {
      await t.close();
    }
  });
});
