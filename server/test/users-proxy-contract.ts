// The users proxy's happy path, against any tenant with the dev tenant's demo users and roles (admin,
// reader, guest; roles admin and reader): the controllable tenant in testing/ today, and the dev
// tenant once it serves /oauth/token and the Management API. Every change is undone before the end.
import { startUsersProxy, type UsersProxyUnderTest } from '../../testing/users-proxy-under-test';
import type { UserSummary } from '../management/users-directory';

export interface ProxyTenant {
  issuer: string;
  audience: string;
  m2m: { clientId: string; clientSecret: string };
  /** The API access token a login of this demo user gets, asking for manage:users. */
  tokenFor(email: string): Promise<string>;
  /** What no answer may contain besides the M2M secret (the tokens the tenant issued). */
  secrets?: () => string[];
  close(): Promise<void>;
}

export function describeUsersProxyContract(name: string, start: () => Promise<ProxyTenant>): void {
  describe(`the users proxy against ${name}`, () => {
    let tenant: ProxyTenant;
    let proxy: UsersProxyUnderTest;
    let admin: string;

    beforeAll(async () => {
      tenant = await start();
      proxy = await startUsersProxy({ ...tenant, m2m: tenant.m2m, secrets: tenant.secrets });
      admin = await tenant.tokenFor('admin@example.com');
    });
    afterAll(async () => {
      await proxy?.close();
      await tenant?.close();
    });

    const usersList = async () => {
      const answer = await proxy.call('GET', '/api/users', { bearer: admin });
      expect(answer.status).withContext(answer.text).toBe(200);
      return JSON.parse(answer.text) as UserSummary[];
    };
    const idOf = async (email: string) => (await usersList()).find((user) => user.email === email)?.id ?? '';

    it('lists the users with their role names, and only id, email, name and roles', async () => {
      const users = await usersList();
      const byEmail = new Map(users.map((user) => [user.email, user]));
      expect(byEmail.get('admin@example.com')?.roles).toEqual(['admin']);
      expect(byEmail.get('reader@example.com')?.roles).toEqual(['reader']);
      expect(byEmail.get('guest@example.com')?.roles).toEqual([]);
      for (const user of users) expect(Object.keys(user).sort()).toEqual(['email', 'id', 'name', 'roles']);
      expect(byEmail.get('admin@example.com')?.id).toMatch(/^auth0\|/);
    });

    it('gives a role by name and takes it back, answering the roles after each change', async () => {
      const id = await idOf('guest@example.com');
      const path = `/api/users/${encodeURIComponent(id)}/roles`;
      try {
        const given = await proxy.call('POST', path, { bearer: admin, body: { roles: ['reader', 'admin'] } });
        expect(given.status).withContext(given.text).toBe(200);
        expect(given.body).toEqual({ id, roles: ['admin', 'reader'] });
        expect((await usersList()).find((user) => user.id === id)?.roles).toEqual(['admin', 'reader']);
      } finally {
        const taken = await proxy.call('DELETE', path, { bearer: admin, body: { roles: ['admin', 'reader'] } });
        expect(taken.status).withContext(taken.text).toBe(200);
        expect(taken.body).toEqual({ id, roles: [] });
      }
    });

    it('refuses an unknown role name with 400 unknown_role, naming the roles the tenant has', async () => {
      const path = `/api/users/${encodeURIComponent(await idOf('guest@example.com'))}/roles`;
      const answer = await proxy.call('POST', path, { bearer: admin, body: { roles: ['reader', 'superuser'] } });
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('unknown_role');
      expect(answer.body.error_description).toContain('"superuser"');
      expect(answer.body.error_description).toContain('"admin"');
      expect((await usersList()).find((user) => user.email === 'guest@example.com')?.roles).toEqual([]);
    });

    it('answers 404 user_not_found for a well-formed id the tenant does not know', async () => {
      const path = `/api/users/${encodeURIComponent('auth0|no-such-user')}/roles`;
      const answer = await proxy.call('POST', path, { bearer: admin, body: { roles: ['reader'] } });
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('user_not_found');
    });

    it('answers 403 insufficient_scope to a user whose token lacks manage:users', async () => {
      const answer = await proxy.call('GET', '/api/users', { bearer: await tenant.tokenFor('reader@example.com') });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('insufficient_scope');
      expect(answer.headers.get('www-authenticate')).toContain('scope="manage:users"');
    });
  });
}
