// What the build bakes into the browser bundle: the configuration as loaded, passed through untouched
// (the auth module's resolveOptions is the one place that adapts the tenant to auth0-js).
import { clientConfig, loadConfig, REQUESTED_SCOPE } from './load-config';

describe('clientConfig (baked into the bundle)', () => {
  it('points at the dev tenant by its origin', () => {
    expect(clientConfig(loadConfig({ APP_PORT: '4000', API_PORT: '4001', DEV_TENANT_PORT: '4002' }))).toEqual({
      domain: 'http://localhost:4002',
      clientID: 'local-dev-spa',
      audience: 'https://quickstarts/api',
      scope: REQUESTED_SCOPE,
      apiOrigin: 'http://localhost:4001',
    });
  });

  it('says where the code flow keeps its tokens (AUTH_FLOW=code), memory unless AUTH_CACHE says otherwise', () => {
    expect(clientConfig(loadConfig({ AUTH_FLOW: 'code' })).cacheLocation).toBe('memory');
    expect(clientConfig(loadConfig({ AUTH_FLOW: 'code', AUTH_CACHE: 'localstorage' })).cacheLocation).toBe(
      'localstorage',
    );
  });

  it('passes a real tenant through as its https origin, with nothing secret', () => {
    const baked = clientConfig(
      loadConfig({
        AUTH0_DOMAIN: 'https://my-tenant.us.auth0.com/',
        AUTH0_CLIENT_ID: 'abc123',
        AUTH0_AUDIENCE: 'https://my-api',
      }),
    );
    expect(baked).toEqual({
      domain: 'https://my-tenant.us.auth0.com',
      clientID: 'abc123',
      audience: 'https://my-api',
      scope: REQUESTED_SCOPE,
      apiOrigin: 'http://localhost:3001',
    });
  });
});
