// The dev tenant's Management API, roles and role assignments, with an M2M token holding the
// default tenant file's client grant: Auth0's shapes, assignments reaching the next login and
// silent authentication, and the refusals of unknown or malformed role lists.
import { decodeJwt } from 'jose';
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { authorizeUrl, get, logIn, webMessageOf } from '../../../testing/tenant-requests';
import { roleId } from '../tenant-file/derived-ids';
import { m2mManagementToken, management, userPath, userTokens } from '../../../testing/management-requests';

const GUEST = 'auth0|dev-guest-0003';

describe('dev tenant Management API: roles', () => {
  // A fresh tenant for each spec: several of them change users.
  let tenant: RunningDevTenant;
  let token: string;
  beforeEach(async () => {
    tenant = await startDevTenant();
    token = await m2mManagementToken(tenant);
  });
  afterEach(() => tenant.close());

  it('GET /roles lists the roles with their ids, filtered by name_filter, with totals on request', async () => {
    const roles = await management(tenant, 'GET', '/roles', { token });
    expect(roles.body as unknown).toEqual([
      { id: roleId('admin'), name: 'admin', description: 'Reads and writes messages, manages users' },
      { id: roleId('reader'), name: 'reader', description: 'Reads messages' },
    ]);
    expect(roleId('admin')).toMatch(/^rol_[A-Za-z0-9]{16}$/);
    const filtered = await management(tenant, 'GET', '/roles?name_filter=READ&include_totals=true', { token });
    expect(filtered.body).toEqual({
      roles: [jasmine.objectContaining({ name: 'reader' })],
      start: 0,
      limit: 50,
      total: 1,
    });
  });

  it('POST and DELETE /users/{id}/roles change what the next login and silent authentication grant (204, idempotent)', async () => {
    const rolesOf = async () =>
      (
        (await management(tenant, 'GET', `${userPath(GUEST)}/roles`, { token })).body as unknown as { name: string }[]
      ).map((role) => role.name);
    const guestLogin = async () => {
      const { accessToken, scope } = await userTokens(tenant, 'guest@example.com', { scope: 'openid read:messages' });
      return { scope, roles: decodeJwt(accessToken)['https://quickstarts/roles'] };
    };
    const silently = async () => {
      const url = authorizeUrl(tenant, {
        response_mode: 'web_message',
        prompt: 'none',
        scope: 'openid read:messages',
      });
      const { response } = webMessageOf(await (await get(url, session)).text()).message;
      return { scope: response.scope, roles: decodeJwt(String(response.access_token))['https://quickstarts/roles'] };
    };
    expect(await rolesOf()).toEqual([]);
    const { cookie: session } = await logIn(tenant, 'guest@example.com');
    expect(await guestLogin()).toEqual({ scope: 'openid', roles: [] });

    const body = { roles: [roleId('reader')] };
    for (let i = 0; i < 2; i++) {
      const added = await management(tenant, 'POST', `${userPath(GUEST)}/roles`, { token, body });
      expect(added.status).toBe(204);
      expect(added.text).toBe('');
    }
    expect(await rolesOf()).toEqual(['reader']);
    expect(await guestLogin()).toEqual({ scope: 'openid read:messages', roles: ['reader'] });
    expect(await silently()).toEqual({ scope: 'openid read:messages', roles: ['reader'] });

    expect((await management(tenant, 'DELETE', `${userPath(GUEST)}/roles`, { token, body })).status).toBe(204);
    expect((await management(tenant, 'DELETE', `${userPath(GUEST)}/roles`, { token, body })).status).toBe(204);
    expect(await rolesOf()).toEqual([]);
    expect(await guestLogin()).toEqual({ scope: 'openid', roles: [] });
    expect(await silently()).toEqual({ scope: 'openid', roles: [] });
  });

  it('refuses unknown users and roles, and malformed role lists, as Auth0 does', async () => {
    const post = (path: string, body: unknown) => management(tenant, 'POST', path, { token, body });
    expect((await post(`${userPath('auth0|nobody')}/roles`, { roles: [roleId('reader')] })).body.errorCode).toBe(
      'inexistent_user',
    );
    expect((await management(tenant, 'GET', `${userPath('auth0|nobody')}/roles`, { token })).status).toBe(404);
    const unknownRole = await post(`${userPath(GUEST)}/roles`, { roles: [roleId('reader'), 'rol_AAAAAAAAAAAAAAAA'] });
    expect(unknownRole.status).toBe(404);
    expect(unknownRole.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The role does not exist.' });
    const refused: [unknown, string][] = [
      [{}, "'Missing required property: roles'."],
      [{ roles: [] }, "'Array is too short (0), minimum 1' on property roles."],
      [{ roles: 'reader' }, "'Expected type array but found type string' on property roles."],
      [{ roles: ['reader'] }, "'String does not match pattern ^rol_[A-Za-z0-9]{16}$' on property roles[0]."],
      [{ roles: [roleId('reader')], users: [] }, "'Additional properties not allowed: users'."],
    ];
    for (const [body, problem] of refused) {
      const answer = await post(`${userPath(GUEST)}/roles`, body);
      expect(answer.status).withContext(JSON.stringify(body)).toBe(400);
      expect(answer.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: `Payload validation error: ${problem}`,
        errorCode: 'invalid_body',
      });
    }
  });
});
