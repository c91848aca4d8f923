// What the app and the API take from the dev tenant's tenant file when the dev tenant is the
// authorization server: the SPA's client id, the API's identifier, the scopes to ask for and the
// API's Management API client, so
// that a tenant file you did not write works with no AUTH0_* variable. The file's reader is
// loaded only then: an API configured for a real tenant never parses YAML.
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import type * as Lookups from '../dev/tenant/model/lookups';
import type * as Reader from '../dev/tenant/tenant-file/read-tenant-file';

/** `dev-tenant.yaml` at the repository root. */
export const DEFAULT_DEV_TENANT_FILE = resolve(__dirname, '..', 'dev-tenant.yaml');

/** Where the dev tenant's tenant file is and what its ##KEY## placeholders stand for. */
export interface DevTenantFile {
  /** Absolute: DEV_TENANT_CONFIG (relative to the working directory) or DEFAULT_DEV_TENANT_FILE. */
  file: string;
  /** APP_ORIGIN, DEV_TENANT_ORIGIN, AUTH0_AUDIENCE. */
  keywords: Readonly<Record<string, string>>;
}

export interface DevTenantRegistration {
  clientId: string;
  audience: string;
  /** `openid profile email` and every scope of the API. */
  scope: string;
  /** The API's default Management API client (AUTH0_M2M_*'s default), when the file has one. */
  managementClient?: { clientId: string; clientSecret: string };
}

export function devTenantFilePath(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_DEV_TENANT_FILE;
  return isAbsolute(raw) ? raw : resolve(process.cwd(), raw);
}

const load = createRequire(__filename);

/**
 * Reads the tenant file (validating all of it) and picks the app's registration: the client and
 * API named by AUTH0_CLIENT_ID and AUTH0_AUDIENCE when set, else its first SPA and first API.
 * Returns a problem as one line instead of throwing, for the configuration to report.
 */
export function readDevTenantRegistration(
  tenantFile: DevTenantFile,
  issuer: string,
  wanted: { clientId?: string; audience?: string },
): DevTenantRegistration | { problem: string } {
  const reader = load('../dev/tenant/tenant-file/read-tenant-file') as typeof Reader;
  const lookups = load('../dev/tenant/model/lookups') as typeof Lookups;
  let tenant;
  try {
    tenant = reader.readTenantFile(tenantFile.file, { issuer, keywords: tenantFile.keywords });
  } catch (error) {
    if (error instanceof Error && error.name === 'TenantFileError') return { problem: error.message };
    throw error;
  }
  const list = (names: string[]) => (names.length ? names.join(', ') : 'none');
  const client = wanted.clientId ? lookups.findClient(tenant, wanted.clientId) : lookups.appClient(tenant);
  if (!client) {
    return {
      problem: wanted.clientId
        ? `AUTH0_CLIENT_ID="${wanted.clientId}" is not a client of the dev tenant (${tenant.source} has ${list(tenant.clients.map((c) => c.clientId))}); unset it, or add the client to the tenant file.`
        : `${tenant.source}: clients: no spa client with the implicit grant, which the app logs in with.`,
    };
  }
  const api = wanted.audience ? lookups.findResourceServer(tenant, wanted.audience) : lookups.appApi(tenant);
  if (!api) {
    const apis = tenant.resourceServers.filter((candidate) => !candidate.isManagementApi).map((a) => a.identifier);
    return {
      problem: wanted.audience
        ? `AUTH0_AUDIENCE="${wanted.audience}" is not an API of the dev tenant (${tenant.source} has ${list(apis)}); unset it, or add the API to the tenant file.`
        : `${tenant.source}: resourceServers: no API, which the app calls.`,
    };
  }
  const m2m = lookups.managementApiClient(tenant);
  return {
    clientId: client.clientId,
    audience: api.identifier,
    scope: ['openid', 'profile', 'email', ...api.scopes.map((scope) => scope.value)].join(' '),
    ...(m2m?.clientSecret ? { managementClient: { clientId: m2m.clientId, clientSecret: m2m.clientSecret } } : {}),
  };
}
