// The app's registration in a tenant file, for the configuration of every process that uses the
// dev tenant (config/dev-tenant-file.ts loads this file lazily): the SPA's client, the API and the
// API's Management API client, found as the dev tenant itself finds them.
import type { ReadDevTenantRegistration } from '../../../config/dev-tenant-contract';
import { OIDC_SCOPES } from '../model/grant-scopes';
import { appApi, appClient, findClient, findResourceServer, managementApiClient } from '../model/lookups';
import type { TenantModel } from '../model/tenant-model';
import { readTenantFile } from './read-tenant-file';
import { TenantFileError } from './tenant-file-error';

export const readDevTenantRegistration: ReadDevTenantRegistration = (tenantFile, issuer, wanted) => {
  let tenant: TenantModel;
  try {
    tenant = readTenantFile(tenantFile.file, { issuer, keywords: tenantFile.keywords });
  } catch (error) {
    if (error instanceof TenantFileError) return { problem: error.message };
    throw error;
  }
  const list = (names: string[]) => (names.length ? names.join(', ') : 'none');
  const grant = wanted.flow === 'code' ? 'authorization_code' : 'implicit';
  const client = wanted.clientId ? findClient(tenant, wanted.clientId) : appClient(tenant, grant);
  if (!client) {
    return {
      problem: wanted.clientId
        ? `AUTH0_CLIENT_ID="${wanted.clientId}" is not a client of the dev tenant (${tenant.source} has ${list(tenant.clients.map((c) => c.clientId))}); unset it, or add the client to the tenant file.`
        : `${tenant.source}: clients: no spa client with the ${grant} grant type, which the app logs in with (AUTH_FLOW=${wanted.flow ?? 'implicit'}).`,
    };
  }
  const api = wanted.audience ? findResourceServer(tenant, wanted.audience) : appApi(tenant);
  if (!api) {
    const apis = tenant.resourceServers.filter((candidate) => !candidate.isManagementApi).map((a) => a.identifier);
    return {
      problem: wanted.audience
        ? `AUTH0_AUDIENCE="${wanted.audience}" is not an API of the dev tenant (${tenant.source} has ${list(apis)}); unset it, or add the API to the tenant file.`
        : `${tenant.source}: resourceServers: no API, which the app calls.`,
    };
  }
  const m2m = managementApiClient(tenant);
  return {
    clientId: client.clientId,
    audience: api.identifier,
    scope: [...OIDC_SCOPES, ...api.scopes.map((scope) => scope.value)].join(' '),
    ...(m2m?.clientSecret ? { managementClient: { clientId: m2m.clientId, clientSecret: m2m.clientSecret } } : {}),
  };
};
