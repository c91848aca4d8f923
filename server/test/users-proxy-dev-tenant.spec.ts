// The users proxy's happy path against the embedded dev tenant: its own M2M client (local-dev-m2m),
// its token endpoint and Management API, the demo users logged in over HTTP.
import { DEV_TENANT_M2M_CLIENT_ID, DEV_TENANT_M2M_CLIENT_SECRET } from '../../config/load-config';
import { getTokensForUser } from '../../dev/tenant-client/log-in';
import { startDevTenant } from '../../testing/dev-tenant';
import { describeUsersProxyContract } from './users-proxy-contract';

describeUsersProxyContract('the dev tenant', async () => {
  const tenant = await startDevTenant();
  return {
    issuer: tenant.issuer,
    audience: tenant.audience,
    m2m: { clientId: DEV_TENANT_M2M_CLIENT_ID, clientSecret: DEV_TENANT_M2M_CLIENT_SECRET },
    tokenFor: async (email) =>
      (
        await getTokensForUser(tenant.url, {
          username: email,
          password: 'dev-password',
          redirectUri: `${tenant.appOrigin}/callback`,
          audience: tenant.audience,
          scope: 'openid manage:users',
        })
      ).accessToken,
    close: () => tenant.close(),
  };
});
