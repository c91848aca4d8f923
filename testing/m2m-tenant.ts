// For specs: a tenant file with clients for every client-credentials case: an M2M client with
// grants (an RBAC API with permissions, an API without RBAC, the Management API), a regular web app
// with the client_credentials grant type but no client grant, and the SPA of minimalTenant().
import { minimalTenant } from './tenant-files';

export const M2M = { client_id: 'm2m-client', client_secret: 'm2m secret/with+odd:chars' };
export const CC = { grant_type: 'client_credentials', ...M2M };

export function m2mTenantDoc(): Record<string, unknown> {
  const doc = minimalTenant();
  doc.clients.push(
    { name: 'Backend', app_type: 'non_interactive', ...M2M },
    {
      name: 'Web',
      app_type: 'regular_web',
      client_id: 'web-client',
      client_secret: 'web-secret',
      grant_types: ['authorization_code', 'client_credentials', 'password'],
    },
  );
  doc.resourceServers = [
    {
      identifier: 'https://api.test',
      scopes: [{ value: 'read:things' }, { value: 'write:things' }],
      enforce_policies: true,
      token_dialect: 'access_token_authz',
      token_lifetime: 3600,
    },
    { identifier: 'https://open.test', scopes: [{ value: 'read:open' }] },
  ];
  doc.roles[0].permissions = [];
  return {
    ...doc,
    clientGrants: [
      { client_id: 'Backend', audience: 'https://api.test', scope: ['read:things', 'write:things'] },
      { client_id: 'm2m-client', audience: 'https://open.test', scope: ['read:open'] },
      { client_id: 'Backend', audience: '##DEV_TENANT_ORIGIN##/api/v2/', scope: ['read:users'] },
    ],
  };
}
