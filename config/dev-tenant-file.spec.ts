// With the dev tenant, the app's client, audience and scope come from the tenant file in use
// (DEV_TENANT_CONFIG or dev-tenant.yaml); a mistake in it is a one-line configuration error.
import { relative, resolve } from 'node:path';
import { runScript } from '../testing/run-script';
import { minimalTenant, tenantFolder } from '../testing/tenant-files';
import { DEFAULT_DEV_TENANT_FILE } from './dev-tenant-file';
import { ConfigError, DEFAULT_AUDIENCE, DEV_TENANT_CLIENT_ID, loadConfig, REQUESTED_SCOPE } from './load-config';

describe('loadConfig with the dev tenant', () => {
  const folder = tenantFolder();
  afterAll(() => folder.remove());

  it('takes the default tenant file, whose registration the exported constants describe', () => {
    const config = loadConfig({});
    expect(config.devTenant.file).toBe(DEFAULT_DEV_TENANT_FILE);
    expect(config.devTenant.keywords).toEqual({
      APP_ORIGIN: 'http://localhost:3000',
      DEV_TENANT_ORIGIN: 'http://localhost:3002',
      AUTH0_AUDIENCE: DEFAULT_AUDIENCE,
    });
    expect([config.clientId, config.audience, config.scope]).toEqual([
      DEV_TENANT_CLIENT_ID,
      DEFAULT_AUDIENCE,
      REQUESTED_SCOPE,
    ]);
  });

  it('takes client, audience and scope from DEV_TENANT_CONFIG, absolute or relative to the working directory', () => {
    const doc = minimalTenant();
    doc.resourceServers[0].scopes = [{ value: 'read:things' }, { value: 'write:things' }];
    const file = folder.write(doc);
    for (const path of [file, relative(process.cwd(), file)]) {
      const config = loadConfig({ DEV_TENANT_CONFIG: path });
      expect(config.devTenant.file).toBe(resolve(file));
      expect([config.clientId, config.audience, config.scope]).toEqual([
        'app-client',
        'https://api.test',
        'openid profile email read:things write:things',
      ]);
    }
  });

  it('lets AUTH0_CLIENT_ID and AUTH0_AUDIENCE pick among what the file registers, and refuses anything else', () => {
    const doc = minimalTenant();
    doc.clients.push({ ...doc.clients[0], name: 'Other', client_id: 'other-client' });
    doc.resourceServers.push({ identifier: 'https://second.test', scopes: [{ value: 'x:y' }] });
    const file = folder.write(doc);
    const picked = loadConfig({
      DEV_TENANT_CONFIG: file,
      AUTH0_CLIENT_ID: 'other-client',
      AUTH0_AUDIENCE: 'https://second.test',
    });
    expect([picked.clientId, picked.audience, picked.scope]).toEqual([
      'other-client',
      'https://second.test',
      'openid profile email x:y',
    ]);
    expect(() => loadConfig({ DEV_TENANT_CONFIG: file, AUTH0_CLIENT_ID: 'abc' })).toThrowError(
      ConfigError,
      `AUTH0_CLIENT_ID="abc" is not a client of the dev tenant (${file} has app-client, other-client); unset it, or add the client to the tenant file.`,
    );
    expect(() => loadConfig({ DEV_TENANT_CONFIG: file, AUTH0_AUDIENCE: 'https://nope' })).toThrowError(
      ConfigError,
      /^AUTH0_AUDIENCE="https:\/\/nope" is not an API of the dev tenant/,
    );
    // The default file's API is ##AUTH0_AUDIENCE##: another identifier there is simply that API's.
    expect(loadConfig({ AUTH0_AUDIENCE: 'https://mine' }).audience).toBe('https://mine');
  });

  it('stops on a tenant file mistake with its one line, and on a missing file', () => {
    const doc = minimalTenant();
    doc.users[0].roles = ['nobody'];
    const file = folder.write(doc);
    expect(() => loadConfig({ DEV_TENANT_CONFIG: file })).toThrowError(
      ConfigError,
      `${file}: users[0].roles[0]: no role named "nobody" (roles: viewer)`,
    );
    const noSpa = folder.write({ ...minimalTenant(), clients: [] });
    expect(() => loadConfig({ DEV_TENANT_CONFIG: noSpa })).toThrowError(
      ConfigError,
      `${noSpa}: clients: no spa client with the implicit grant type, which the app logs in with (AUTH_FLOW=implicit).`,
    );
    // minimalTenant()'s SPA has the implicit grant type only: the code flow needs another.
    expect(() => loadConfig({ DEV_TENANT_CONFIG: folder.write(minimalTenant()), AUTH_FLOW: 'code' })).toThrowError(
      ConfigError,
      /: clients: no spa client with the authorization_code grant type, which the app logs in with \(AUTH_FLOW=code\)\.$/,
    );
    expect(() => loadConfig({ DEV_TENANT_CONFIG: 'missing.yaml' })).toThrowError(
      ConfigError,
      /^DEV_TENANT_CONFIG="missing.yaml": no such file/,
    );
  });

  it('never reads the tenant file, nor loads a YAML parser, for a real tenant', async () => {
    const real = { AUTH0_DOMAIN: 't.auth0.com', AUTH0_CLIENT_ID: 'abc', AUTH0_AUDIENCE: 'https://a' };
    expect(loadConfig({ ...real, DEV_TENANT_CONFIG: folder.write('{ not: yaml: at all') }).clientId).toBe('abc');
    const script = `const { loadConfig } = require('./config/load-config.ts'); loadConfig(${JSON.stringify(real)}); console.log(Object.keys(require.cache).filter((f) => /node_modules[\\\\/](yaml|zod)[\\\\/]/.test(f)).length);`;
    const run = await runScript(['-e', script]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0');
  });
});
