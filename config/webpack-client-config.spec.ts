// What the build bakes into the browser bundle (webpack.config.js's __AUTH_CONFIG__) in both modes.
import { loadConfig } from './load-config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { clientConfig } = require('../webpack.config.js') as { clientConfig: (config: ReturnType<typeof loadConfig>) => Record<string, unknown> };

describe('the client configuration baked into the bundle', () => {
  it('points at the dev tenant with the issuer override auth0-js needs for plain http', () => {
    expect(clientConfig(loadConfig({ APP_PORT: '4000', API_PORT: '4001', DEV_TENANT_PORT: '4002' }))).toEqual({
      domain: 'http://localhost:4002',
      clientID: 'local-dev-spa',
      audience: 'https://quickstarts/api',
      scope: 'openid profile email read:messages write:messages',
      apiOrigin: 'http://localhost:4001',
      overrides: { __token_issuer: 'http://localhost:4002/' },
    });
  });

  it('gives auth0-js a real tenant as a bare host, with no overrides and nothing secret', () => {
    const baked = clientConfig(
      loadConfig({ AUTH0_DOMAIN: 'https://my-tenant.us.auth0.com/', AUTH0_CLIENT_ID: 'abc123', AUTH0_AUDIENCE: 'https://my-api' }),
    );
    expect(baked).toEqual({
      domain: 'my-tenant.us.auth0.com',
      clientID: 'abc123',
      audience: 'https://my-api',
      scope: 'openid profile email read:messages write:messages',
      apiOrigin: 'http://localhost:3001',
    });
  });

  it('treats a local http tenant set in AUTH0_DOMAIN like the dev tenant', () => {
    const baked = clientConfig(loadConfig({ AUTH0_DOMAIN: 'http://127.0.0.1:4100', AUTH0_CLIENT_ID: 'abc', AUTH0_AUDIENCE: 'https://a' }));
    expect(baked['domain']).toBe('http://127.0.0.1:4100');
    expect(baked['overrides']).toEqual({ __token_issuer: 'http://127.0.0.1:4100/' });
  });
});
