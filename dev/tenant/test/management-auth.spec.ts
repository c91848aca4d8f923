// Who may call the dev tenant's Management API: each refused token with Auth0's answer, the scopes
// each endpoint takes, what a current_user scope allows, and CORS for the app's origin.
import { generateKeyPair, SignJWT } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { corsPreflight } from '../../../testing/tenant-requests';
import { DEV_TENANT_M2M_CLIENT_ID, DEV_TENANT_M2M_CLIENT_SECRET } from '../../../config/load-config';
import { sign } from '../shared/sign';
import {
  clientToken,
  management,
  managementAudience,
  userPath,
  userTokens,
} from '../../../testing/management-requests';

const ADMIN = 'auth0|dev-admin-0001';
const READER = 'auth0|dev-reader-0002';

describe('dev tenant Management API: tokens, scopes, CORS', () => {
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant()));
  afterAll(() => tenant.close());

  const m2m = (scope?: string, audience = managementAudience(tenant)) =>
    clientToken(tenant, {
      clientId: DEV_TENANT_M2M_CLIENT_ID,
      clientSecret: DEV_TENANT_M2M_CLIENT_SECRET,
      audience,
      ...(scope !== undefined ? { scope } : {}),
    });
  /** A token signed with the tenant's own key, with the claims of a Management API token unless overridden. */
  const forged = (claims: Record<string, unknown>) => {
    const iat = Math.floor(Date.now() / 1000);
    return sign(tenant.context.key, {
      iss: tenant.issuer,
      sub: `${DEV_TENANT_M2M_CLIENT_ID}@clients`,
      aud: managementAudience(tenant),
      iat,
      exp: iat + 600,
      scope: 'read:users',
      ...claims,
    });
  };

  it('answers 401 Missing authentication, with a Bearer challenge, without a Bearer token', async () => {
    for (const headers of [{}, { Authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[]) {
      const answer = await management(tenant, 'GET', '/users', { headers });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers 400 Bad HTTP authentication header format (errorCode Bearer) to an opaque token or a malformed header', async () => {
    for (const authorization of ['Bearer XmjZzvFSGR6GE5dLfTAkWDqixxxxxxx', 'Bearer a.b.c d', 'Bearer']) {
      const answer = await management(tenant, 'GET', '/users', { headers: { Authorization: authorization } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Bad HTTP authentication header format',
        errorCode: 'Bearer',
      });
    }
  });

  it('answers 401 Invalid token, with attributes, to an id_token, a token from elsewhere or another alg', async () => {
    const { idToken } = await userTokens(tenant, 'reader@example.com', {});
    const other = await generateKeyPair('RS256');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    const tokens = [
      idToken,
      'a.b.c',
      unsigned,
      await forged({ iss: 'https://someone-else.auth0.com/' }),
      await forged({ exp: undefined }),
      await new SignJWT({ scope: 'read:users' }).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32)),
    ];
    for (const token of tokens) {
      const answer = await management(tenant, 'GET', '/users', { token });
      expect(answer.status).withContext(token.slice(0, 40)).toBe(401);
      expect(answer.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid token',
        attributes: { error: 'Invalid token' },
      });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer error="Invalid token"');
    }
    const badSignature = await new SignJWT({ scope: 'read:users' })
      .setProtectedHeader({ alg: 'RS256', kid: tenant.context.key.kid })
      .setIssuer(tenant.issuer)
      .setAudience(managementAudience(tenant))
      .setExpirationTime('10m')
      .sign(other.privateKey);
    const answer = await management(tenant, 'GET', '/users', { token: badSignature });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toBe('Invalid signature received for JSON Web Token validation');
  });

  it('answers 401 Expired token received for JSON Web Token validation to an expired token', async () => {
    const iat = Math.floor(Date.now() / 1000) - 7200;
    const answer = await management(tenant, 'GET', '/users', { token: await forged({ iat, exp: iat + 3600 }) });
    expect(answer.status).toBe(401);
    const message = 'Expired token received for JSON Web Token validation';
    expect(answer.body).toEqual({ statusCode: 401, error: 'Unauthorized', message, attributes: { error: message } });
  });

  it("answers 401 Bad audience to an access token for one of the tenant's other APIs", async () => {
    const { accessToken } = await userTokens(tenant, 'admin@example.com', {});
    const user = await management(tenant, 'GET', '/users', { token: accessToken });
    expect(user.status).toBe(401);
    expect(user.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: `Bad audience: ${tenant.audience} ${tenant.issuer}userinfo`,
    });
    const client = await management(tenant, 'GET', '/users', { token: await m2m(undefined, tenant.audience) });
    expect(client.body.message).toBe(`Bad audience: ${tenant.audience}`);
  });

  const scopeCases: [string, string, string, string][] = [
    ['GET', '/users', 'read:roles', 'read:users,read:user_idp_tokens'],
    ['GET', userPath(ADMIN), 'read:roles', 'read:users,read:current_user,read:user_idp_tokens'],
    ['PATCH', userPath(ADMIN), 'read:users', 'update:users,update:users_app_metadata,update:current_user_metadata'],
    ['GET', '/roles', 'read:users', 'read:roles'],
    ['GET', `${userPath(ADMIN)}/roles`, 'create:role_members', 'read:users,read:roles,read:role_members'],
    ['POST', `${userPath(ADMIN)}/roles`, 'read:users', 'update:users,create:role_members'],
    ['DELETE', `${userPath(ADMIN)}/roles`, 'read:users', 'update:users,delete:role_members'],
  ];
  for (const [method, path, scope, expected] of scopeCases) {
    it(`answers 403 insufficient_scope to ${method} ${path.replace(ADMIN, '{id}')} without ${expected}`, async () => {
      const body = method === 'GET' ? undefined : { roles: ['rol_0000000000000000'] };
      const answer = await management(tenant, method, path, { token: await m2m(scope), body });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: `Insufficient scope, expected any of: ${expected}`,
        errorCode: 'insufficient_scope',
      });
    });
  }

  it("lets a current_user scope act on the token's own user and user_metadata only", async () => {
    const scope = 'openid read:current_user update:current_user_metadata';
    const { accessToken: token } = await userTokens(tenant, 'reader@example.com', {
      audience: managementAudience(tenant),
      scope,
    });
    expect((await management(tenant, 'GET', userPath(READER), { token })).status).toBe(200);
    const unowned = {
      statusCode: 403,
      error: 'Forbidden',
      message: 'User to be acted on does not match subject in bearer token.',
      errorCode: 'unowned_resource',
    };
    expect((await management(tenant, 'GET', userPath(ADMIN), { token })).body).toEqual(unowned);
    const other = await management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: { a: 1 } } });
    expect(other.status).toBe(403);
    expect(other.body).toEqual(unowned);
    const app = await management(tenant, 'PATCH', userPath(READER), { token, body: { app_metadata: { plan: 'pro' } } });
    expect(app.status).toBe(403);
    expect(app.body.message).toBe('Insufficient scope, expected any of: update:users,update:users_app_metadata');
    const list = await management(tenant, 'GET', '/users', { token });
    expect(list.body.message).toBe('Insufficient scope, expected any of: read:users,read:user_idp_tokens');
    const own = await management(tenant, 'PATCH', userPath(READER), { token, body: { user_metadata: { a: 1 } } });
    expect(own.status).toBe(200);
  });

  it("answers the app's origin with CORS, preflight included, and other origins with none", async () => {
    const preflight = (origin: string) =>
      corsPreflight(
        `${tenant.url}/api/v2${userPath(READER)}`,
        origin,
        'PATCH',
        'authorization,content-type,auth0-client',
      );
    const allowed = await preflight(tenant.appOrigin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(tenant.appOrigin);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Auth0-Client');
    const refused = await preflight('http://evil.test');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();

    const fromApp = await management(tenant, 'GET', '/users', { headers: { Origin: tenant.appOrigin } });
    expect(fromApp.status).toBe(401); // an error the app can read
    expect(fromApp.headers.get('access-control-allow-origin')).toBe(tenant.appOrigin);
    expect(fromApp.headers.get('vary')).toContain('Origin');
    const fromElsewhere = await management(tenant, 'GET', '/users', { headers: { Origin: 'http://evil.test' } });
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
