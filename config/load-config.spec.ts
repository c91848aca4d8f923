import { resolve } from 'node:path';
import { ConfigError, DEFAULT_AUDIENCE, DEV_TENANT_CLIENT_ID, loadConfig, normalizeDomain } from './load-config';

describe('loadConfig', () => {
  it('defaults to the embedded dev tenant on ports 3000-3002', () => {
    const config = loadConfig({});
    expect(config.useDevTenant).toBeTrue();
    expect(config.domain).toBe('http://localhost:3002');
    expect(config.issuer).toBe('http://localhost:3002/');
    expect(config.jwksUri).toBe('http://localhost:3002/.well-known/jwks.json');
    expect(config.clientId).toBe(DEV_TENANT_CLIENT_ID);
    expect(config.audience).toBe(DEFAULT_AUDIENCE);
    expect([config.appPort, config.apiPort, config.devTenantPort]).toEqual([3000, 3001, 3002]);
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
    expect(config.devTenantTokenTtlSeconds).toBeUndefined(); // each API's own lifetime
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: ' ', APP_PORT: '' });
    expect(config.useDevTenant).toBeTrue();
    expect(config.appPort).toBe(3000);
  });

  it('derives every origin from the port variables', () => {
    const config = loadConfig({ APP_PORT: '4000', API_PORT: '4001', DEV_TENANT_PORT: '4002' });
    expect(config.appOrigin).toBe('http://localhost:4000');
    expect(config.apiOrigin).toBe('http://localhost:4001');
    expect(config.issuer).toBe('http://localhost:4002/');
  });

  it('uses a real tenant with https and the trailing-slash issuer Auth0 puts in tokens', () => {
    const config = loadConfig({
      AUTH0_DOMAIN: 'my-tenant.us.auth0.com',
      AUTH0_CLIENT_ID: 'abc123',
      AUTH0_AUDIENCE: 'https://my-api',
    });
    expect(config.useDevTenant).toBeFalse();
    expect(config.issuer).toBe('https://my-tenant.us.auth0.com/');
    expect(config.jwksUri).toBe('https://my-tenant.us.auth0.com/.well-known/jwks.json');
  });

  it('requires the client id and the audience for a real tenant', () => {
    expect(() => loadConfig({ AUTH0_DOMAIN: 't.auth0.com', AUTH0_AUDIENCE: 'https://a' })).toThrowError(
      ConfigError,
      /AUTH0_CLIENT_ID is not set/,
    );
    expect(() => loadConfig({ AUTH0_DOMAIN: 't.auth0.com', AUTH0_CLIENT_ID: 'abc' })).toThrowError(
      ConfigError,
      /AUTH0_AUDIENCE is not set/,
    );
    expect(() =>
      loadConfig({ AUTH0_DOMAIN: 't.auth0.com', AUTH0_CLIENT_ID: DEV_TENANT_CLIENT_ID, AUTH0_AUDIENCE: 'https://a' }),
    ).toThrowError(ConfigError, /dev tenant's client/);
  });

  it('rejects bad ports and bad CORS origins with one line', () => {
    expect(() => loadConfig({ API_PORT: 'abc' })).toThrowError(ConfigError, /API_PORT="abc" is not a port/);
    expect(() => loadConfig({ APP_PORT: '70000' })).toThrowError(ConfigError, /APP_PORT/);
    expect(() => loadConfig({ CORS_ORIGINS: 'http://ok:1, nope' })).toThrowError(
      ConfigError,
      /CORS_ORIGINS entry "nope" is not an origin/,
    );
    expect(() => loadConfig({ API_ORIGIN: 'https://api.example.com/v1' })).toThrowError(
      ConfigError,
      /API_ORIGIN "https:\/\/api.example.com\/v1" is not an origin/,
    );
    expect(() => loadConfig({ DEV_TENANT_TOKEN_TTL: '5' })).toThrowError(
      ConfigError,
      /DEV_TENANT_TOKEN_TTL="5" is not a number of seconds \(10-86400\)/,
    );
  });

  it('takes the API origin a built app calls from API_ORIGIN', () => {
    expect(loadConfig({ API_ORIGIN: 'https://api.example.com/' }).apiOrigin).toBe('https://api.example.com');
    expect(loadConfig({ API_PORT: '4001' }).apiOrigin).toBe('http://localhost:4001');
  });

  it('accepts a comma-separated CORS allow-list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://localhost:3000, https://app.example.com/' }).corsOrigins).toEqual([
      'http://localhost:3000',
      'https://app.example.com',
    ]);
  });
});

describe('DEV_TENANT_HOST', () => {
  it('names the dev tenant localhost by default, or 127.0.0.1: another site than the app, as a real tenant is', () => {
    expect(loadConfig({}).devTenantOrigin).toBe('http://localhost:3002');
    const other = loadConfig({ DEV_TENANT_HOST: '127.0.0.1', DEV_TENANT_PORT: '4002' });
    expect(other.devTenantOrigin).toBe('http://127.0.0.1:4002');
    expect(other.domain).toBe('http://127.0.0.1:4002');
    expect(other.issuer).toBe('http://127.0.0.1:4002/');
    expect(other.jwksUri).toBe('http://127.0.0.1:4002/.well-known/jwks.json');
    expect(other.appOrigin).toBe('http://localhost:3000');
  });

  it('leaves a real tenant alone', () => {
    const real = { AUTH0_DOMAIN: 't.auth0.com', AUTH0_CLIENT_ID: 'abc', AUTH0_AUDIENCE: 'https://a' };
    expect(loadConfig({ ...real, DEV_TENANT_HOST: '127.0.0.1' }).domain).toBe('https://t.auth0.com');
  });

  it('accepts only the two loopback names the tenant answers to', () => {
    for (const host of ['0.0.0.0', 'example.com', '[::1]', 'localhost:3002'])
      expect(() => loadConfig({ DEV_TENANT_HOST: host }))
        .withContext(host)
        .toThrowError(ConfigError, /DEV_TENANT_HOST=".*" must be localhost or 127\.0\.0\.1/);
  });
});

describe('normalizeDomain', () => {
  it('accepts a bare host, an https origin and a loopback http origin', () => {
    expect(normalizeDomain('t.eu.auth0.com')).toBe('https://t.eu.auth0.com');
    expect(normalizeDomain('https://t.eu.auth0.com/')).toBe('https://t.eu.auth0.com');
    expect(normalizeDomain('http://localhost:3002')).toBe('http://localhost:3002');
    expect(normalizeDomain('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100');
  });

  it('rejects a path, plain http off loopback, other schemes and garbage', () => {
    expect(() => normalizeDomain('https://t.auth0.com/api/v2')).toThrowError(
      ConfigError,
      /without a path: use t\.auth0\.com/,
    );
    expect(() => normalizeDomain('http://t.auth0.com')).toThrowError(ConfigError, /plain http on a non-loopback host/);
    expect(() => normalizeDomain('ftp://t.auth0.com')).toThrowError(ConfigError, /must use https/);
    expect(() => normalizeDomain('exa mple')).toThrowError(ConfigError, /not a host name/);
  });
});

describe('DEV_TENANT_DATA_DIR', () => {
  it('is .dev-tenant/ at the repository root by default, else the folder named (relative to the working directory)', () => {
    expect(loadConfig({}).devTenantDataDir).toBe(resolve(__dirname, '..', '.dev-tenant'));
    expect(loadConfig({ DEV_TENANT_DATA_DIR: '/tmp/tenant-data' }).devTenantDataDir).toBe('/tmp/tenant-data');
    expect(loadConfig({ DEV_TENANT_DATA_DIR: 'some/dir' }).devTenantDataDir).toBe(resolve(process.cwd(), 'some/dir'));
  });
});
