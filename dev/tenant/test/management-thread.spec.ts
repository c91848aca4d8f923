// The most common Management API question, replayed against the dev tenant with real tokens: an
// Angular app that calls PATCH /api/v2/users/{id} from the browser and fails three times before it
// works. 1. It sends the id_token: 401 Invalid token. 2. It sends the access token of a login
// without an audience, an opaque token: 400 Bad HTTP authentication header format. 3. It asks for
// the Management API audience and update:users, which Auth0 drops silently for a user, so the
// token holds openid profile email only: 403 Insufficient scope. 4. It asks for
// update:current_user_metadata instead: 200.
import { decodeJwt } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { management, managementAudience, userTokens } from '../../../testing/management-requests';

describe('the Management API thread, replayed against the dev tenant', () => {
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant()));
  afterAll(() => tenant.close());

  it('fails with an id_token, an opaque token and a dropped update:users, then works with update:current_user_metadata', async () => {
    // What the app in the thread asks for, and the call auth0-js's Management.patchUserMetadata makes.
    const threadScope = 'openid profile roles user_id name email';
    const patchMetadata = (userId: string, token: string) =>
      management(tenant, 'PATCH', `/users/${userId}`, {
        token,
        body: { user_metadata: { family_name: 'Reader', given_name: 'Riley' } },
        headers: { 'Auth0-Client': 'eyJuYW1lIjoiYXV0aDAuanMifQ', Origin: tenant.appOrigin },
      });

    // 1. The id_token.
    const first = await userTokens(tenant, 'reader@example.com', { scope: threadScope, audience: undefined });
    const sub = String(decodeJwt(first.idToken).sub);
    const withIdToken = await patchMetadata(sub, first.idToken);
    expect(withIdToken.status).toBe(401);
    expect(withIdToken.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid token',
      attributes: { error: 'Invalid token' },
    });

    // 2. The access token of that same login: no audience, so an opaque token, not a JWT.
    expect(first.accessToken).toMatch(/^[\w-]{32}$/);
    const withOpaqueToken = await patchMetadata(sub, first.accessToken);
    expect(withOpaqueToken.status).toBe(400);
    expect(withOpaqueToken.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Bad HTTP authentication header format',
      errorCode: 'Bearer',
    });

    // 3. The Management API audience and update:users: a JWT now, but the scope is dropped.
    const second = await userTokens(tenant, 'reader@example.com', {
      scope: `${threadScope} update:users update:users_app_metadata`,
      audience: managementAudience(tenant),
    });
    const claims = decodeJwt(second.accessToken);
    expect(claims.aud).toEqual([managementAudience(tenant), `${tenant.issuer}userinfo`]);
    expect(claims.scope).toBe('openid profile email');
    const withDroppedScope = await patchMetadata(sub, second.accessToken);
    expect(withDroppedScope.status).toBe(403);
    expect(withDroppedScope.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message:
        'Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata',
      errorCode: 'insufficient_scope',
    });

    // 4. update:current_user_metadata: the one a user may hold.
    const third = await userTokens(tenant, 'reader@example.com', {
      scope: `${threadScope} update:current_user_metadata`,
      audience: managementAudience(tenant),
    });
    expect(decodeJwt(third.accessToken).scope).toBe('openid profile email update:current_user_metadata');
    const works = await patchMetadata(sub, third.accessToken);
    expect(works.status).toBe(200);
    expect(works.headers.get('access-control-allow-origin')).toBe(tenant.appOrigin);
    expect(works.body.user_metadata).toEqual({ favorite_color: 'blue', family_name: 'Reader', given_name: 'Riley' });
  });
});
