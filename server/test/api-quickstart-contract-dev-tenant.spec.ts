// Auth0's API quickstart contract with real client-credentials tokens: four machine-to-machine
// clients of a dev tenant, as the suite's four Auth0 applications, each with the client grant its
// case needs, tokens from the tenant's POST /oauth/token, and this API checking them against the
// tenant's JWKS over HTTP.
import { getClientCredentialsToken } from '../../dev/tenant-client/client-credentials';
import { startDevTenant, type RunningDevTenant } from '../../testing/dev-tenant';
import { listen, type Listening } from '../../testing/listen';
import { minimalTenant, tenantFolder } from '../../testing/tenant-files';
import { createApp } from '../app';
import { requireAccessToken } from '../auth';
import { describeApiQuickstartContract, type ClientGrant } from './api-quickstart-contract';

const AUDIENCE = 'https://quickstarts/api';
const GRANTS: ClientGrant[] = ['no scope', 'read:messages', 'write:messages', 'read:messages write:messages'];
const clientIdOf = (grant: ClientGrant) => `contract-${GRANTS.indexOf(grant)}`;

describe('this API with a dev tenant', () => {
  const folder = tenantFolder();
  let tenant: RunningDevTenant;
  let api: Listening;

  beforeAll(async () => {
    const doc = minimalTenant();
    doc.resourceServers = [{ identifier: AUDIENCE, scopes: [{ value: 'read:messages' }, { value: 'write:messages' }] }];
    doc.roles[0].permissions = [];
    for (const grant of GRANTS) {
      doc.clients.push({
        name: `Contract ${grant}`,
        app_type: 'non_interactive',
        client_id: clientIdOf(grant),
        client_secret: `secret-${clientIdOf(grant)}`,
        grant_types: ['client_credentials'],
      });
    }
    const clientGrants = GRANTS.map((grant) => ({
      client_id: clientIdOf(grant),
      audience: AUDIENCE,
      scope: grant === 'no scope' ? [] : grant.split(' '),
    }));
    tenant = await startDevTenant({ tenantFile: folder.write({ ...doc, clientGrants }) });
    api = await listen(
      createApp({
        checkAccessToken: requireAccessToken({ issuer: tenant.issuer, audience: AUDIENCE }),
        corsOrigins: [],
      }),
    );
  });
  afterAll(async () => {
    await api?.close();
    await tenant?.close();
    folder.remove();
  });

  describeApiQuickstartContract("with client-credentials tokens from the dev tenant's /oauth/token", () => ({
    apiUrl: api.url,
    token: async (grant) =>
      (
        await getClientCredentialsToken(tenant.url, {
          clientId: clientIdOf(grant),
          clientSecret: `secret-${clientIdOf(grant)}`,
          audience: AUDIENCE,
        })
      ).accessToken,
  }));
});
