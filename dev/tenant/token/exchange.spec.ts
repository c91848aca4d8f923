// exchangeToken on tenants a tenant file on this branch cannot describe: a client_credentials
// client without a client_secret (an a0deploy export carries no secrets) must get no token.
import { startDevTenant, type RunningDevTenant } from '../../../testing/dev-tenant';
import type { TenantClient } from '../model/tenant-model';
import { OAuthError } from '../shared/oauth-error';
import { exchangeToken } from './exchange';
import { DEFAULT_REFRESH_TOKEN_SETTINGS } from '../model/grant-types';

describe('exchangeToken', () => {
  let tenant: RunningDevTenant;
  beforeAll(async () => (tenant = await startDevTenant()));
  afterAll(() => tenant.close());

  it('refuses a client_credentials client that has no secret, whatever secret is sent', async () => {
    const noSecret: TenantClient = {
      name: 'Exported backend',
      clientId: 'no-secret',
      appType: 'non_interactive',
      grantTypes: ['client_credentials'],
      callbackUrls: [],
      logoutUrls: [],
      webOrigins: [],
      refreshToken: DEFAULT_REFRESH_TOKEN_SETTINGS,
    };
    const ctx = tenant.context;
    // With a client grant, so that only the missing secret stands between it and a token.
    const grant = { clientId: 'no-secret', audience: tenant.audience, scopes: ['read:messages'] };
    const withClient = {
      ...ctx,
      tenant: {
        ...ctx.tenant,
        clients: [...ctx.tenant.clients, noSecret],
        clientGrants: [...ctx.tenant.clientGrants, grant],
      },
    };
    for (const clientSecret of [undefined, '', 'anything']) {
      const outcome = await exchangeToken(withClient, {
        grantType: 'client_credentials',
        clientId: 'no-secret',
        params: { audience: tenant.audience },
        ...(clientSecret !== undefined ? { clientSecret } : {}),
      }).catch((error: unknown) => error);
      // The body only: a failure message must not print a token.
      const refusal = outcome instanceof OAuthError ? [outcome.status, outcome.body] : 'a token was issued';
      expect(refusal).toEqual([401, { error: 'access_denied', error_description: 'Unauthorized' }]);
    }
  });
});
