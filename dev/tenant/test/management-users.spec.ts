// The dev tenant's Management API, users endpoints, with the token of a client allowed to change
// users (the shipped tenant file plus the specs' own client with update:users): Auth0's shapes, the
// metadata merge, and the refusals of bad requests.
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import { management, userEditorToken, userPath, withUserEditor } from '../../../testing/management-requests';
import { shippedTenant, tenantFolder } from '../../../testing/tenant-files';

const ADMIN = 'auth0|dev-admin-0001';
const GUEST = 'auth0|dev-guest-0003';

describe('dev tenant Management API: users', () => {
  // A fresh tenant for each spec: several of them change users.
  const folder = tenantFolder();
  const tenantFile = folder.write(withUserEditor(shippedTenant()));
  let tenant: RunningDevTenant;
  let token: string;
  beforeEach(async () => {
    tenant = await startDevTenant({ tenantFile });
    token = await userEditorToken(tenant);
  });
  afterEach(() => tenant.close());
  afterAll(() => folder.remove());

  it("GET /users lists the tenant file's users in Auth0's shape, paged, with totals on request", async () => {
    const all = await management(tenant, 'GET', '/users', { token });
    expect(all.status).toBe(200);
    const users = all.body as unknown as Record<string, unknown>[];
    expect(users.map((user) => user.email)).toEqual(['admin@example.com', 'reader@example.com', 'guest@example.com']);
    expect(users[0]).toEqual({
      created_at: jasmine.any(String),
      email: 'admin@example.com',
      email_verified: true,
      identities: [
        {
          connection: 'Username-Password-Authentication',
          user_id: 'dev-admin-0001',
          provider: 'auth0',
          isSocial: false,
        },
      ],
      name: 'Ada Admin',
      nickname: 'admin',
      updated_at: jasmine.any(String),
      user_id: ADMIN,
      user_metadata: { favorite_color: 'green' },
      app_metadata: {},
    });
    const page = await management(tenant, 'GET', '/users?page=1&per_page=2&include_totals=true', { token });
    const fields = await management(tenant, 'GET', '/users?fields=user_id,email&include_fields=true', { token });
    expect(fields.body as unknown).toEqual([
      { email: 'admin@example.com', user_id: ADMIN },
      { email: 'reader@example.com', user_id: 'auth0|dev-reader-0002' },
      { email: 'guest@example.com', user_id: GUEST },
    ]);
    expect(page.body).toEqual({
      start: 2,
      limit: 2,
      length: 1,
      users: [jasmine.objectContaining({ user_id: GUEST })],
      total: 3,
    });
  });

  it('GET /users sorts by a field, ascending (:1) or descending (:-1), as Auth0 does; refuses another form', async () => {
    const emails = async (sort: string) =>
      ((await management(tenant, 'GET', `/users?sort=${sort}`, { token })).body as unknown as { email: string }[]).map(
        (user) => user.email,
      );
    expect(await emails('email:1')).toEqual(['admin@example.com', 'guest@example.com', 'reader@example.com']);
    expect(await emails('email:-1')).toEqual(['reader@example.com', 'guest@example.com', 'admin@example.com']);
    const bad = await management(tenant, 'GET', '/users?sort=email', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errorCode).toBe('invalid_query_string');
  });

  it('GET /users sorts by a field no user has, an inherited name included, as by an empty one (never a 500)', async () => {
    const unsorted = (await management(tenant, 'GET', '/users', { token })).body;
    for (const field of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'nickname_x']) {
      for (const query of [`sort=${field}:1`, `fields=${field}`, `sort=${field}:-1&fields=${field},email`]) {
        const answer = await management(tenant, 'GET', `/users?${query}`, { token });
        expect(answer.status).withContext(`${query}: ${answer.text}`).toBe(200);
      }
      expect((await management(tenant, 'GET', `/users?sort=${field}:1`, { token })).body).toEqual(unsorted);
    }
  });

  it('GET /users/{id} answers the user, or 404 inexistent_user', async () => {
    const user = await management(tenant, 'GET', userPath(ADMIN), { token });
    expect(user.status).toBe(200);
    expect(user.body.user_id).toBe(ADMIN);
    const without = await management(
      tenant,
      'GET',
      `${userPath(ADMIN)}?fields=identities,app_metadata&include_fields=false`,
      { token },
    );
    expect(Object.keys(without.body)).not.toContain('identities');
    expect(Object.keys(without.body)).toContain('user_metadata');
    // auth0-js's Management client puts the id in the path as it is, `|` included.
    expect((await management(tenant, 'GET', `/users/${ADMIN}`, { token })).body.user_id).toBe(ADMIN);
    const missing = await management(tenant, 'GET', userPath('auth0|nobody'), { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The user does not exist.',
      errorCode: 'inexistent_user',
    });
  });

  it('PATCH /users/{id} merges metadata one level deep, null removes a key, {} empties it', async () => {
    const patch = (body: unknown) => management(tenant, 'PATCH', userPath(ADMIN), { token, body });
    const first = await patch({
      user_metadata: { theme: { dark: true, size: 2 }, n: 1 },
      app_metadata: { plan: 'pro' },
    });
    expect(first.status).toBe(200);
    expect(first.body.user_metadata).toEqual({ favorite_color: 'green', theme: { dark: true, size: 2 }, n: 1 });
    expect(first.body.app_metadata).toEqual({ plan: 'pro' });
    const second = await patch({ user_metadata: { theme: { dark: false }, favorite_color: null } });
    expect(second.body.user_metadata).toEqual({ theme: { dark: false }, n: 1 });
    expect(second.body.app_metadata).toEqual({ plan: 'pro' });
    expect(Date.parse(String(second.body.updated_at))).toBeGreaterThanOrEqual(
      Date.parse(String(first.body.created_at)),
    );
    expect((await patch({ app_metadata: {} })).body.app_metadata).toEqual({});
    expect((await management(tenant, 'GET', userPath(ADMIN), { token })).body.user_metadata).toEqual({
      theme: { dark: false },
      n: 1,
    });
    const missing = await management(tenant, 'PATCH', userPath('auth0|nobody'), { token, body: { user_metadata: {} } });
    expect(missing.body.errorCode).toBe('inexistent_user');
  });

  it('PATCH /users/{id} refuses what the subset does not change, with the field named', async () => {
    const refused: [unknown, string][] = [
      [
        { name: 'New Name' },
        "Payload validation error: the dev tenant's Management API changes user_metadata and app_metadata only, not name.",
      ],
      [
        { logins_count: 3 },
        `Payload validation error: 'Additional properties not allowed: logins_count (consider storing them in app_metadata or user_metadata. See "Users Metadata" in https://auth0.com/docs/api/v2/changes for more details)'.`,
      ],
      [
        { user_metadata: 'blue' },
        "Payload validation error: 'Expected type object but found type string' on property user_metadata.",
      ],
      [
        { app_metadata: [1] },
        "Payload validation error: 'Expected type object but found type array' on property app_metadata.",
      ],
      [{}, "Payload validation error: 'Too few properties defined (0), minimum 1'."],
      [[{ user_metadata: {} }], "Payload validation error: 'Expected type object but found type array'."],
    ];
    for (const [body, message] of refused) {
      const answer = await management(tenant, 'PATCH', userPath(ADMIN), { token, body });
      expect(answer.status).withContext(JSON.stringify(body)).toBe(400);
      expect(answer.body).toEqual({ statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_body' });
    }
    // Auth0 stores metadata where `.` and `$` cannot start or be in a field name, at any depth.
    for (const metadata of [
      { 'preference.color': 'pink' },
      { $set: 1 },
      { nested: { 'a.b': 1 } },
      { list: [{ a$: 1 }] },
    ]) {
      const answer = await management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: metadata } });
      expect(answer.status).withContext(JSON.stringify(metadata)).toBe(400);
      expect(answer.body.message).toMatch(
        /^Fields with "[.$]" are not allowed, please remove all (dotted|dollar) fields\. Example: /,
      );
    }
    const deep = JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown;
    expect((await management(tenant, 'PATCH', userPath(ADMIN), { token, body: { user_metadata: deep } })).status).toBe(
      400,
    );
    // Each body is under the 64 KB request limit; together they would pass the metadata limit.
    const first = await management(tenant, 'PATCH', userPath(ADMIN), {
      token,
      body: { user_metadata: { a: 'x'.repeat(40_000) } },
    });
    expect(first.status).toBe(200);
    const tooBig = await management(tenant, 'PATCH', userPath(ADMIN), {
      token,
      body: { user_metadata: { b: 'y'.repeat(40_000) } },
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.message).toMatch(
      /^Payload validation error: user_metadata would take \d+ bytes, more than the dev tenant keeps \(65536\)\.$/,
    );
  });

  it('answers unknown paths, bad JSON, other media types, big bodies and unemulated filters in the same shape', async () => {
    for (const [method, path] of [
      ['GET', '/clients'],
      ['PUT', userPath(ADMIN)],
      ['GET', '/users/a/b/c'],
    ]) {
      const answer = await management(tenant, method, path, { token });
      expect(answer.status).withContext(`${method} ${path}`).toBe(404);
      expect(answer.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    }
    const badJson = await management(tenant, 'PATCH', userPath(ADMIN), { token, body: '{"user_metadata":' });
    expect(badJson.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request payload JSON format',
    });
    const text = await management(tenant, 'PATCH', userPath(ADMIN), {
      token,
      body: 'user_metadata',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text.body).toEqual({ statusCode: 415, error: 'Unsupported Media Type', message: 'Unsupported Media Type' });
    const huge = await management(tenant, 'PATCH', userPath(ADMIN), {
      token,
      body: { user_metadata: { a: 'x'.repeat(70_000) } },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe('Payload content length greater than maximum allowed: 65536');
    const query = await management(tenant, 'GET', '/users?q=email:"admin@example.com"', { token });
    expect(query.status).toBe(400);
    expect(query.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        "Query validation error: 'q' is not emulated by the dev tenant (this endpoint takes page, per_page, include_totals, fields, include_fields, search_engine, sort).",
      errorCode: 'invalid_query_string',
    });
    expect((await management(tenant, 'GET', '/users?per_page=500', { token })).body.errorCode).toBe(
      'invalid_query_string',
    );
  });
});
