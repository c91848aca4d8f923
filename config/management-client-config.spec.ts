// AUTH0_M2M_CLIENT_ID / AUTH0_M2M_CLIENT_SECRET: the API's own client for its Management API proxy.
import {
  ConfigError,
  DEV_TENANT_M2M_CLIENT_ID,
  DEV_TENANT_M2M_CLIENT_SECRET,
  clientConfig,
  loadConfig,
} from './load-config';
import { m2mTenantDoc } from '../testing/m2m-tenant';
import { minimalTenant, tenantFolder } from '../testing/tenant-files';

describe("loadConfig: the API's machine-to-machine client", () => {
  const realTenant = { AUTH0_DOMAIN: 't.auth0.com', AUTH0_CLIENT_ID: 'spa123', AUTH0_AUDIENCE: 'https://a' };

  it("defaults to the dev tenant's own client", () => {
    expect(loadConfig({}).managementClient).toEqual({
      clientId: DEV_TENANT_M2M_CLIENT_ID,
      clientSecret: DEV_TENANT_M2M_CLIENT_SECRET,
    });
  });

  it("with another tenant file, defaults to that file's Management API client, or to none", () => {
    const folder = tenantFolder();
    try {
      expect(loadConfig({ DEV_TENANT_CONFIG: folder.write(m2mTenantDoc()) }).managementClient).toEqual({
        clientId: 'm2m-client',
        clientSecret: 'm2m secret/with+odd:chars',
      });
      expect(loadConfig({ DEV_TENANT_CONFIG: folder.write(minimalTenant()) }).managementClient).toBeUndefined();
    } finally {
      folder.remove();
    }
  });

  it('is unset for a real tenant without the variables, and taken as given with both', () => {
    expect(loadConfig(realTenant).managementClient).toBeUndefined();
    expect(loadConfig({ ...realTenant, AUTH0_M2M_CLIENT_ID: '', AUTH0_M2M_CLIENT_SECRET: ' ' }).managementClient)
      .withContext('empty counts as unset')
      .toBeUndefined();
    expect(
      loadConfig({ ...realTenant, AUTH0_M2M_CLIENT_ID: 'm2m456', AUTH0_M2M_CLIENT_SECRET: ' s3cret ' })
        .managementClient,
    ).toEqual({ clientId: 'm2m456', clientSecret: 's3cret' });
  });

  it('stops with one line when only one of the two is set, naming the missing one', () => {
    expect(() => loadConfig({ ...realTenant, AUTH0_M2M_CLIENT_ID: 'm2m456' })).toThrowError(
      ConfigError,
      /^AUTH0_M2M_CLIENT_ID is set but AUTH0_M2M_CLIENT_SECRET is not: set both .*, or neither\.$/,
    );
    expect(() => loadConfig({ AUTH0_M2M_CLIENT_SECRET: 'marker-secret-123' })).toThrowError(
      ConfigError,
      /^AUTH0_M2M_CLIENT_SECRET is set but AUTH0_M2M_CLIENT_ID is not/,
    );
  });

  it('never quotes the secret in a refusal', () => {
    expect(() => loadConfig({ AUTH0_M2M_CLIENT_SECRET: 'marker-secret-123' })).toThrowMatching(
      (error) => error instanceof ConfigError && !error.message.includes('marker-secret-123'),
    );
  });

  it("refuses the SPA's client id, and the dev tenant's client on a real tenant", () => {
    expect(() =>
      loadConfig({ ...realTenant, AUTH0_M2M_CLIENT_ID: 'spa123', AUTH0_M2M_CLIENT_SECRET: 'x' }),
    ).toThrowError(ConfigError, /is the SPA's client id/);
    expect(() =>
      loadConfig({ ...realTenant, AUTH0_M2M_CLIENT_ID: DEV_TENANT_M2M_CLIENT_ID, AUTH0_M2M_CLIENT_SECRET: 'x' }),
    ).toThrowError(ConfigError, /is the dev tenant's client/);
  });

  it('is never part of what the build bakes into the bundle', () => {
    const config = loadConfig({ AUTH0_M2M_CLIENT_ID: 'marker-id-123', AUTH0_M2M_CLIENT_SECRET: 'marker-secret-123' });
    expect(config.managementClient?.clientSecret).toBe('marker-secret-123');
    const baked = JSON.stringify(clientConfig(config));
    expect(baked).not.toContain('marker-secret-123');
    expect(baked).not.toContain('marker-id-123');
  });
});
