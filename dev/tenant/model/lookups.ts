// Questions the routes ask the tenant model: which client, which API, which permissions.
import type { Permission, ResourceServer, Role, TenantClient, TenantModel, TenantUser } from './tenant-model';

export function findClient(tenant: TenantModel, clientId: string | undefined): TenantClient | undefined {
  return clientId === undefined ? undefined : tenant.clients.find((client) => client.clientId === clientId);
}

export function findResourceServer(tenant: TenantModel, identifier: string | undefined): ResourceServer | undefined {
  return identifier === undefined ? undefined : tenant.resourceServers.find((api) => api.identifier === identifier);
}

function findRole(tenant: TenantModel, name: string): Role | undefined {
  return tenant.roles.find((role) => role.name === name);
}

/**
 * The SPA the quickstart's app logs in with: the first `spa` client allowed the flow's grant
 * (`implicit`, or `authorization_code` for the code flow).
 */
export function appClient(
  tenant: TenantModel,
  grant: 'implicit' | 'authorization_code' = 'implicit',
): TenantClient | undefined {
  return tenant.clients.find((client) => client.appType === 'spa' && client.grantTypes.includes(grant));
}

/** The API the quickstart's app calls: the first API of the file. */
export function appApi(tenant: TenantModel): ResourceServer | undefined {
  return tenant.resourceServers.find((api) => !api.isManagementApi);
}

/**
 * The API's own client for its Management API proxy: the first confidential client allowed client
 * credentials with a client grant for the Management API (the default file's local-dev-m2m).
 */
export function managementApiClient(tenant: TenantModel): TenantClient | undefined {
  const management = tenant.resourceServers.find((api) => api.isManagementApi)?.identifier;
  return tenant.clients.find(
    (client) =>
      client.clientSecret !== undefined &&
      client.grantTypes.includes('client_credentials') &&
      tenant.clientGrants.some((grant) => grant.clientId === client.clientId && grant.audience === management),
  );
}

/** The user's permissions for one API, from their roles and their own, once each, in the API's order. */
export function userPermissions(tenant: TenantModel, user: TenantUser, api: ResourceServer): string[] {
  const given: Permission[] = [
    ...user.roles.flatMap((name) => findRole(tenant, name)?.permissions ?? []),
    ...user.permissions,
  ];
  const names = new Set(
    given.filter((p) => p.resourceServerIdentifier === api.identifier).map((p) => p.permissionName),
  );
  return api.scopes.map((scope) => scope.value).filter((scope) => names.has(scope));
}

/** `${issuer}userinfo`: the second audience of access tokens issued with `openid`. */
export function userinfoAudience(tenant: TenantModel): string {
  return `${tenant.issuer}userinfo`;
}

/**
 * Seconds an access token for `api` lives: `token_lifetime_for_web` for the implicit flow,
 * `token_lifetime` for every token from the token endpoint (client credentials, a code, a refresh
 * token: Auth0's "Update Access Token Lifetime"), unless DEV_TENANT_TOKEN_TTL (`override`) says otherwise.
 */
export function accessTokenLifetime(
  api: ResourceServer,
  flow: 'web' | 'token_endpoint',
  override: number | undefined,
): number {
  if (override !== undefined) return override;
  return flow === 'web' ? api.tokenLifetimeForWebSeconds : api.tokenLifetimeSeconds;
}
