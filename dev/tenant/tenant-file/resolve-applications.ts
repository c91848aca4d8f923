// The tenant file's clients, APIs, client grants and roles, checked against each other: every
// name a section uses must exist where it points, as Auth0 would refuse it on import.
import { managementApi } from '../model/management-api-resource';
import type { ClientGrant, Permission, ResourceServer, Role, TenantClient } from '../model/tenant-model';
import { roleId } from './derived-ids';
import type { TenantFile } from './schema';
import { TenantFileError, type FilePath } from './tenant-file-error';

/** Throws the file's one-line error for the first of `items` whose key was seen before. */
export function requireUnique<T>(
  file: string,
  section: string,
  items: readonly T[],
  key: (item: T) => string,
  field: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const value = key(item);
    if (seen.has(value)) throw TenantFileError.at(file, [section, i, field], `"${value}" is used twice in ${section}`);
    seen.add(value);
  });
}

/** Without grant_types, what the dashboard gives an application of that type. */
function defaultGrantTypes(appType: string): string[] {
  if (appType === 'non_interactive') return ['client_credentials'];
  if (appType === 'regular_web') return ['implicit', 'authorization_code', 'refresh_token', 'client_credentials'];
  return ['implicit', 'authorization_code', 'refresh_token'];
}

export function resolveClients(file: string, input: TenantFile['clients']): TenantClient[] {
  requireUnique(file, 'clients', input, (c) => c.name, 'name');
  requireUnique(file, 'clients', input, (c) => c.client_id, 'client_id');
  return input.map((client) => {
    // Without client_secret (an export has none), a client_credentials client is refused its tokens.
    const grantTypes = client.grant_types ?? defaultGrantTypes(client.app_type);
    return {
      name: client.name,
      clientId: client.client_id,
      appType: client.app_type,
      ...(client.client_secret ? { clientSecret: client.client_secret } : {}),
      grantTypes,
      callbackUrls: client.callbacks,
      logoutUrls: client.allowed_logout_urls,
      webOrigins: client.web_origins,
      refreshToken: {
        rotationType: client.refresh_token.rotation_type,
        expirationType: client.refresh_token.expiration_type,
        leewaySeconds: client.refresh_token.leeway,
        tokenLifetimeSeconds: client.refresh_token.token_lifetime,
        infiniteTokenLifetime: client.refresh_token.infinite_token_lifetime,
        idleTokenLifetimeSeconds: client.refresh_token.idle_token_lifetime,
        infiniteIdleTokenLifetime: client.refresh_token.infinite_idle_token_lifetime,
      },
    };
  });
}

export function resolveResourceServers(
  file: string,
  issuer: string,
  input: TenantFile['resourceServers'],
): ResourceServer[] {
  const management = managementApi(issuer);
  requireUnique(file, 'resourceServers', input, (api) => api.identifier, 'identifier');
  const apis = input.map((api, i): ResourceServer => {
    if (api.identifier === management.identifier) {
      throw TenantFileError.at(
        file,
        ['resourceServers', i, 'identifier'],
        'the Management API exists in every tenant; leave it out of resourceServers',
      );
    }
    return {
      name: api.name ?? api.identifier,
      identifier: api.identifier,
      scopes: api.scopes.filter((scope, j) => api.scopes.findIndex((other) => other.value === scope.value) === j),
      enforcePolicies: api.enforce_policies,
      tokenDialect: api.token_dialect,
      tokenLifetimeSeconds: api.token_lifetime,
      // Auth0 never lets the web lifetime exceed the API's token lifetime.
      tokenLifetimeForWebSeconds: Math.min(api.token_lifetime_for_web, api.token_lifetime),
      allowOfflineAccess: api.allow_offline_access,
      isManagementApi: false,
    };
  });
  return [...apis, management];
}

function findApi(file: string, apis: readonly ResourceServer[], identifier: string, path: FilePath): ResourceServer {
  const api = apis.find((candidate) => candidate.identifier === identifier);
  if (api) return api;
  const hint = /^https:\/\/[^/]+\.auth0\.com\/api\/v2\/?$/.test(identifier)
    ? '; for the Management API write ##DEV_TENANT_ORIGIN##/api/v2/'
    : ` (APIs: ${apis.map((candidate) => candidate.identifier).join(', ')})`;
  throw TenantFileError.at(file, path, `no API with identifier "${identifier}"${hint}`);
}

function requireScope(file: string, api: ResourceServer, scope: string, path: FilePath): void {
  if (!api.scopes.some((candidate) => candidate.value === scope)) {
    throw TenantFileError.at(file, path, `"${scope}" is not a scope of the API ${api.identifier}`);
  }
}

/** `permissions` of a role or a user: each an existing scope of an existing API. */
export function resolvePermissions(
  file: string,
  apis: readonly ResourceServer[],
  input: readonly { permission_name: string; resource_server_identifier: string }[],
  path: FilePath,
): Permission[] {
  return input.map((permission, i) => {
    const api = findApi(file, apis, permission.resource_server_identifier, [...path, i, 'resource_server_identifier']);
    requireScope(file, api, permission.permission_name, [...path, i, 'permission_name']);
    return { resourceServerIdentifier: api.identifier, permissionName: permission.permission_name };
  });
}

export function resolveClientGrants(
  file: string,
  clients: readonly TenantClient[],
  apis: readonly ResourceServer[],
  input: TenantFile['clientGrants'],
): ClientGrant[] {
  const grants = input.map((grant, i): ClientGrant => {
    // An a0deploy export names the client; a hand-written file may give its client_id.
    const client =
      clients.find((c) => c.name === grant.client_id) ?? clients.find((c) => c.clientId === grant.client_id);
    if (!client) {
      throw TenantFileError.at(
        file,
        ['clientGrants', i, 'client_id'],
        `no client named or with client_id "${grant.client_id}"`,
      );
    }
    const api = findApi(file, apis, grant.audience, ['clientGrants', i, 'audience']);
    grant.scope.forEach((scope, j) => requireScope(file, api, scope, ['clientGrants', i, 'scope', j]));
    return { clientId: client.clientId, audience: api.identifier, scopes: [...new Set(grant.scope)] };
  });
  requireUnique(file, 'clientGrants', grants, (g) => `${g.clientId} → ${g.audience}`, 'audience');
  return grants;
}

export function resolveRoles(file: string, apis: readonly ResourceServer[], input: TenantFile['roles']): Role[] {
  requireUnique(file, 'roles', input, (role) => role.name, 'name');
  return input.map((role, i) => ({
    id: roleId(role.name),
    name: role.name,
    description: role.description,
    permissions: resolvePermissions(file, apis, role.permissions, ['roles', i, 'permissions']),
  }));
}
